// Runs the migrations once against the URL given as argument and prints what it applied (JSON), for the concurrency test.
import { migrate } from '@amiable/db';

const report = await migrate(process.argv[2] ?? '');
process.stdout.write(`${JSON.stringify(report.applied)}\n`);
