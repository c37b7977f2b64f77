/** @module The runtime's expression host over `src/expr`: variables resolve through the container's scope, each expression compiles once. */
import { compileExpression, type EvaluationScope, type ResolvedVariable } from '../expr/index.ts';
import type { TypeSpec } from '../types/type-spec.ts';
import { typeSpec } from '../types/type-spec.ts';
import { variableTypeOfCode } from '../types/variable-types.ts';
import type { ToolYear } from '../versions/index.ts';
import type { ExpressionHost } from './expressions.ts';
import type { Variable, VariableScope } from './variables.ts';

/** The DT_* type a variable has inside expressions. */
function exprTypeOf(v: Variable): TypeSpec {
  return typeSpec(variableTypeOfCode(v.dataType)?.exprType ?? 'DT_EMPTY');
}

/** An expression host for a product version, over `compileExpression` of `src/expr`. */
export function expressionHost(version: ToolYear): ExpressionHost {
  return {
    compile(text: string, scope: VariableScope) {
      const seen = new Map<string, Variable>();
      const compiled = compileExpression(text, {
        version,
        resolveVariable(name: string): ResolvedVariable | undefined {
          const v = scope.find(name);
          if (!v) return undefined;
          seen.set(v.qualifiedName, v);
          return { name: v.qualifiedName, type: exprTypeOf(v), readOnly: v.readOnly };
        },
      });
      const evalScope: EvaluationScope = { variable: (name) => seen.get(name)?.value ?? null };
      return () => compiled.evaluate(evalScope);
    },
  };
}
