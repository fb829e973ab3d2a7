export * from './french-holidays.js';
export * from './contact-rules.js';
export * from './scenario.js';
export * from './progression.js';
export * from './simulate.js';
export * from './portfolio-input.js';
