export * from './letter-templates.js';
export * from './case-letter.js';
export * from './documents.js';
export * from './produce-dispatch-letter.js';
export * from './dispatch-email.js';
export * from './record-bounce.js';
export * from './agency-profile.js';
export * from './first-agency-letter.js';
