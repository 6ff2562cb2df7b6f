export * from './domain.js';
export * from './errors.js';
export * from './limits.js';
export * from './api.js';
export * from './api-schemas.js';
