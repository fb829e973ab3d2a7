// Runs autocannon in its own thread, so the load generator does not share the
// API's event loop: the latencies measured are the server's, not the client's
// turn on the same thread. Posts back every response's latency.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const latencies = [];
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: workerData.url,
  connections: workerData.connections,
  duration: workerData.seconds,
  timeout: 10,
  headers: workerData.headers,
  setupClient: (client) => {
    client.on('response', (_status, _bytes, ms) => latencies.push(ms));
  },
});
const cpu = process.cpuUsage(cpuBefore);
parentPort.postMessage({
  type: 'amiable-load-result',
  latencies,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  // Inside a worker thread autocannon returns its raw result (histograms encoded): the count is totalCompletedRequests.
  total: result.requests?.total ?? result.totalCompletedRequests,
  duration: result.duration,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
});
