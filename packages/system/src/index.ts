export * from './clock.js';
export * from './ids.js';
export * from './password-hasher.js';
