export * from './start-worker.js';
export * from './mailer.js';
