/** @module A simple in-memory set of variables for expressions: resolution by qualified or bare name (ambiguity is an error) and a matching evaluation scope. */
import { SsisError } from '../errors.ts';
import type { TypeSpec } from '../types/index.ts';
import type { EvaluationScope, ResolvedVariable } from './context.ts';

/** One variable: qualified name (`User::X`, `$Package::P`), type in expressions, value. */
export interface TableVariable {
  readonly name: string;
  readonly type: TypeSpec;
  value: unknown;
  readonly readOnly?: boolean;
}

/** Resolver and scope over a list of variables (the CLI and tests use it; the runtime has its own scoped variables). */
export function variableTable(vars: readonly TableVariable[]): { resolveVariable(name: string): ResolvedVariable | undefined; scope: EvaluationScope } {
  const byName = new Map(vars.map((v) => [v.name, v]));
  return {
    resolveVariable(name) {
      const found = name.includes('::') ? vars.filter((v) => v.name === name) : vars.filter((v) => v.name.slice(v.name.indexOf('::') + 2) === name);
      if (found.length > 1) {
        throw new SsisError('0xC00470DD', 'DTS_E_EXPREVALAMBIGUOUSVARIABLENNAME', `There are multiple variables with the name "${name}". The variable must be specified uniquely as @[Namespace::${name}].`);
      }
      const v = found[0];
      return v && { name: v.name, type: v.type, readOnly: v.readOnly };
    },
    scope: {
      variable: (name) => byName.get(name)?.value ?? null,
      assign: (name, value) => {
        const v = byName.get(name);
        if (v) v.value = value;
      },
    },
  };
}
