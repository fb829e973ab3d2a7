export * from './scenarios.js';
export * from './planning.js';
export * from './run-planner.js';
