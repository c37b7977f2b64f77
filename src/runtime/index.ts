/** @module The control-flow runtime: runs a package (validation, execution, events, logging, checkpoints, configurations); the public face of `runtime/`. */
export { Engine, type RunOptions, type RunOutcome, type ListenerRegistration } from './engine.ts';
export { packageSpec } from './from-package.ts';
export { applyConfigurations, readDtsConfig, type CommandLineSetting, type ConfigurationHost } from './configurations.ts';
export { setPropertyPath, parsePropertyPath, pathNotFound } from './property-path.ts';
export { CheckpointStore, type CheckpointSettings } from './checkpoint.ts';
export { textFileLogger, xmlFileLogger, providerKind, selectedEvents } from './log-providers.ts';
export { sqlServerLogger } from './sql-log-provider.ts';
export { HANDLER_EVENTS, type RuntimeEvent, type EventListener, type EventName } from './events.ts';
export type { ExpressionHost } from './expressions.ts';
export { expressionHost } from './expr-host.ts';
export { databaseAccess, type DatabaseAccess } from './open-database.ts';
export type { DbSession, DatabaseOpener } from './databases.ts';
export { Recordset } from './recordset.ts';
export { Variable, VariableScope } from './variables.ts';
export { registerTask, findTask, type TaskContext, type TaskImplementation, type TaskDatabase, type RunServices, type ScriptModule } from './task-api.ts';
export * from './model.ts';
export { executableBase, taskSpec, constraint, variable, connectionSpec, packageOf } from './spec-builder.ts';
export { runSpec } from './run-spec.ts';
