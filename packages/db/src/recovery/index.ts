export * from './scenarios.js';
export * from './planning.js';
export * from './run-planner.js';
export * from './dispatch-execution.js';
export * from './recovery-queries.js';
export * from './recovery-commands.js';
export * from './scenario-commands.js';
export * from './campaigns/index.js';
