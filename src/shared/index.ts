export * from './domain.js';
export * from './errors.js';
export * from './limits.js';
export * from './api.js';
