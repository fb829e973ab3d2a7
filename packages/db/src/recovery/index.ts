export * from './scenarios.js';
export * from './planning.js';
export * from './run-planner.js';
export * from './dispatch-execution.js';
