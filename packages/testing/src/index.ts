export * from './fake-clock.js';
export * from './test-database.js';
export * from './urls.js';
export * from './fixtures.js';
