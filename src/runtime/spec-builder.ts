/** @module Builds runtime specs in code (for tests and for embedding the engine without a .dtsx): packages, tasks, constraints, variables. */
import type { ConnectionSpec, ConstraintSpec, ContainerSpec, ExecutableSpec, PackageSpec, TaskSpec, VariableSpec } from './model.ts';

let counter = 0;

/** The common part of an executable named `name` (a fresh `{n}` ID, no variables or handlers). */
export function executableBase(name: string): Omit<ExecutableSpec, 'kind'> {
  return { id: `{${++counter}}`, name, creationName: '', path: `\\Package\\${name}`, variables: [], propertyExpressions: {}, properties: {}, eventHandlers: [] };
}

/** A task of a canonical kind with its settings. */
export function taskSpec(name: string, taskKind: string, settings: Record<string, unknown>, extra: Partial<TaskSpec> = {}): TaskSpec {
  return { ...executableBase(name), kind: 'task', taskKind, settings, ...extra };
}

/** A precedence constraint (Success, Constraint, AND unless told). */
export function constraint(from: number, to: number, extra: Partial<ConstraintSpec> = {}): ConstraintSpec {
  return { from, to, value: 0, evalOp: 2, logicalAnd: true, ...extra };
}

/** A `User::` variable. */
export function variable(name: string, dataType: number, value: unknown, extra: Partial<VariableSpec> = {}): VariableSpec {
  return { namespace: 'User', name, dataType, value, ...extra };
}

/** A connection manager whose connection string is `connectionString` (an override URL works too). */
export function connectionSpec(name: string, creationName: string, connectionString: string): ConnectionSpec {
  return { id: `{${++counter}}`, name, creationName, connectionString, properties: {}, propertyExpressions: {} };
}

/** A package holding `executables`. */
export function packageOf(executables: (ContainerSpec | TaskSpec)[], extra: Partial<PackageSpec> = {}): PackageSpec {
  return {
    ...executableBase('Package'), kind: 'package', path: '\\Package', formatVersion: 8, maxConcurrentExecutables: -1,
    connections: [], logProviders: [], configurations: [], parameters: [], executables, constraints: [], ...extra,
  };
}
