export * from './span.js';
export * from './model.js';
export * from './errors.js';
export * from './limits.js';
export * from './context.js';
export * from './gazetteer.js';
export * from './paths.js';
