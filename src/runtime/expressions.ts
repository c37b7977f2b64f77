/** @module How the runtime evaluates SSIS expressions: a host that compiles an expression once in a variable scope, and the `@[User::V] = expr` assignment form. */
import { SsisError } from '../errors.ts';
import type { Variable, VariableScope } from './variables.ts';

/** Compiles expressions for the runtime; the implementation sits on `src/expr`. */
export interface ExpressionHost {
  /** Compiles `text` once against the variables visible from `scope`; the function gives its current value. */
  compile(text: string, scope: VariableScope): () => unknown;
}

/** A compiled assignment `@[User::V] = expression` (For Loop init/assign, Expression task). */
export interface CompiledAssignment {
  readonly target: Variable;
  /** Evaluates the right-hand side, assigns it, and gives the value assigned. */
  run(): Promise<unknown>;
}

/** Finds the `=` of an assignment: the first one at top level that is not part of `==`, `!=`, `<=`, `>=`. */
function assignmentSplit(text: string): number {
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === '=' && depth === 0) {
      const prev = text[i - 1];
      if (text[i + 1] === '=' || prev === '=' || prev === '!' || prev === '<' || prev === '>') {
        if (text[i + 1] === '=') i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/**
 * Compiles an assignment expression. The left side is `@[Namespace::Name]`, `@[Name]` or `@Name`.
 * Raises DTS_E_EXPREVALASSIGNMENTTOREADONLYVARIABLE for read-only targets.
 */
export function compileAssignment(host: ExpressionHost, text: string, scope: VariableScope): CompiledAssignment {
  const at = assignmentSplit(text);
  const left = at < 0 ? '' : text.slice(0, at).trim();
  const m = /^@(?:\[([^\]]+)\]|([A-Za-z_][\w]*(?:::[A-Za-z_]\w*)?))$/.exec(left);
  if (!m) {
    throw new SsisError('0xC00470A2', 'DTS_E_EXPREVALASSIGNMENTNOTVARIABLE', `The expression "${text}" is not an assignment: it must have the form @[User::Variable] = expression.`);
  }
  const target = scope.find(m[1] ?? m[2]!);
  if (!target) {
    throw new SsisError('0xC0047084', 'DTS_E_EXPREVALVARIABLENOTFOUND', `The variable "${m[1] ?? m[2]}" in the expression "${text}" was not found in the Variables collection. The variable might not exist in the correct scope.`);
  }
  if (target.readOnly) {
    throw new SsisError('0xC00470A1', 'DTS_E_EXPREVALASSIGNMENTTOREADONLYVARIABLE', `The variable "${target.qualifiedName}" cannot be assigned to by the expression "${text}" because it is read-only.`);
  }
  const right = host.compile(text.slice(at + 1), scope);
  return {
    target,
    async run() {
      const value = right();
      await target.set(value);
      return target.value;
    },
  };
}
