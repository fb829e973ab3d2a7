export { buildServer, type App } from './server.js';
export type { ApiDeps } from './deps.js';
