// Runs autocannon in its own thread, so the load generator does not share the
// API's event loop: the latencies measured are the server's, not the client's
// turn on the same thread. Posts back every response's latency.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * CPU seconds of this thread alone. process.cpuUsage() counts the whole process
 * (every thread), so it cannot separate the load generator from the API; Linux
 * exposes the calling thread's own times in /proc/thread-self/stat (fields 14
 * and 15, utime and stime, in clock ticks of 1/100 s). Null elsewhere.
 */
function threadCpuSeconds() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const latencies = [];
const cpuBefore = threadCpuSeconds();
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
const cpuAfter = threadCpuSeconds();
parentPort.postMessage({
  type: 'amiable-load-result',
  latencies,
  cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  // Inside a worker thread autocannon returns its raw result (histograms encoded): the count is totalCompletedRequests.
  total: result.requests?.total ?? result.totalCompletedRequests,
  duration: result.duration,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
});
