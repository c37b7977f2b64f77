/** @module The builder: create packages and edit them (variables, connections, tasks, containers, constraints, data flows) in code. */
export { createPackage, type CreatePackageOptions } from './create-package.ts';
export { randomIds, sequentialIds, type IdSource } from './ids.ts';
export type { ConnectionRef } from './connection-ref.ts';
export {
  addVariable, addConnectionManager, addExecuteSqlTask, addExpressionTask, addFileSystemTask, addExecuteProcessTask, addExecutePackageTask,
  addSendMailTask, addSequence, addForLoop, addForeachLoop, addPrecedenceConstraint, addEventHandler,
  type VariableSpec, type ConnectionManagerSpec, type FlatFileColumnSpec, type ExecuteSqlSpec, type FileSystemSpec, type EnumeratorSpec, type ConstraintSpec,
} from './add-control-flow.ts';
export {
  addDataFlowTask, addComponent, addPath,
  type ComponentSpec, type InputSpec, type OutputSpec, type InputColumnSpec, type OutputColumnSpec, type ExternalColumnSpec, type PropertyValue, type ColumnTypeSpec,
} from './add-data-flow.ts';
