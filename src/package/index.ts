/** @module The package object model: the one in-memory shape every .dtsx format is read into. */
export * from './package.ts';
export * from './executable.ts';
export * from './task-settings.ts';
export * from './variable.ts';
export * from './parameter.ts';
export * from './property-expression.ts';
export * from './precedence-constraint.ts';
export * from './connection-manager.ts';
export * from './configuration.ts';
export * from './logging.ts';
export * from './data-flow.ts';
export * from './problems.ts';
export * from './walk.ts';
export * from './summary.ts';
