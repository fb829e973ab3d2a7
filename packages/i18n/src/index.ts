export * from './locale.js';
export * from './errors.js';
export * from './translate.js';
export * from './activity.js';
export * from './legal.js';
