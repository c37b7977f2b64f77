/** @module The runtime's expression host over `src/expr`: variables resolve through the container's scope, each expression compiles once. */
import { SsisError } from '../errors.ts';
import type { ExpressionContext, EvaluationScope, ResolvedVariable } from '../expr/context.ts';
import type { TypeSpec } from '../types/type-spec.ts';
import { typeSpec } from '../types/type-spec.ts';
import { variableTypeOfCode } from '../types/variable-types.ts';
import type { ToolYear } from '../versions/index.ts';
import type { ExpressionHost } from './expressions.ts';
import type { Variable, VariableScope } from './variables.ts';

/** The compiler `src/expr` exports. */
type Compile = (text: string, ctx: ExpressionContext) => { evaluate(scope: EvaluationScope): unknown };

/** The DT_* type a variable has inside expressions. */
function exprTypeOf(v: Variable): TypeSpec {
  return typeSpec(variableTypeOfCode(v.dataType)?.exprType ?? 'DT_EMPTY');
}

/** An expression host for a product version, over `compileExpression` of `src/expr`. */
export async function loadExpressionHost(version: ToolYear): Promise<ExpressionHost> {
  const modulePath = '../expr/index.ts';
  let compile: Compile | undefined;
  try {
    compile = ((await import(modulePath)) as { compileExpression?: Compile }).compileExpression;
  } catch {
    compile = undefined;
  }
  return {
    compile(text: string, scope: VariableScope) {
      if (!compile) {
        throw new SsisError('0xC0047084', 'DTS_E_EXPRESSIONSNOTAVAILABLE', `The expression "${text}" cannot be evaluated: the expression compiler is not available in this build.`);
      }
      const seen = new Map<string, Variable>();
      const compiled = compile(text, {
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
