/** @module The data flow engine's public face: validate and run a data flow, from the package model or built in code. */
export type * from './model.ts';
export type * from './context.ts';
export type { ComponentFactory, ComponentHost, ComponentRuntime, ValidationContext } from './component.ts';
export type { BufferLayout, BufferSizing, LayoutColumn } from './layout.ts';
export type { ExecutionPlan, ExecutionTree, PlanComponent, PlanInput, PlanOutput } from './plan.ts';
export { Batch } from './batch.ts';
export { readCell, writeCell, type ColumnVector } from './column-vector.ts';
export { ComponentRegistry } from './registry.ts';
export { describeTrees } from './plan.ts';
export { builtinRegistry, bufferSizing, planDataFlow, runDataFlow, validateDataFlow, type DataFlowOptions } from './run.ts';
export { dataFlowModel, dataFlowOfTask } from './from-package.ts';
export { contextFromTask, dataFlowRunner, type DataFlowServices } from './task-runner.ts';
export { FlowBuilder, errorOutputSpec, type ComponentSpec, type ColumnSpec, type InputSpec, type OutputSpec } from './flow-builder.ts';
export { flatFileConnection, memoryContext, type MemoryContext } from './memory-context.ts';
export { dataFlowPackage } from './dtsx-writer.ts';
