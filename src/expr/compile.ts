/** @module The public compilers: `compileExpression` (one value per call) and `compileColumnar` (a loop over a whole buffer of columns), both generating a JavaScript function once. */
import { SsisError } from '../errors.ts';
import { dataType, formatTypeSpec, isTypedColumn, sameTypeSpec, type ColumnBatch, type ColumnVector, type TypeSpec } from '../types/index.ts';
import { CURRENT_YEAR, versionOfYear, type VersionFeatures } from '../versions/index.ts';
import { checkExpression } from './checker.ts';
import { CodeGenerator, type LeafReader } from './codegen.ts';
import type { ColumnRef, EvaluationScope, ExpressionContext, ResolvedColumn } from './context.ts';
import { locateError } from './error-codes.ts';
import { foldConstants } from './fold.ts';
import { castAllowed } from './type-rules.ts';
import * as ops from './ops.ts';
import { parseExpression } from './parser.ts';
import { systemEnv, type RuntimeEnv } from './runtime-env.ts';
import { stringTooLong, variableTooLong } from './string-limit.ts';
import type { TNode } from './typed-ast.ts';

/** The helpers generated code calls. */
const RT = { ...ops, stringTooLong, variableTooLong };

/** Options of the compilers. */
export interface CompileOptions {
  /** The clock (GETDATE, time-to-date conversions); default the system clock. */
  readonly env?: RuntimeEnv;
  /**
   * The type the result must have (a Derived Column's output column): the result is converted to it, a string that
   * does not fit raises DTS_E_EXPREVALTRUNCATIONASERROR, and a type it cannot become is refused at compile time
   * with DTS_E_EXPREVALCANNOTCONVERTRESULT.
   */
  readonly resultType?: TypeSpec;
}

/** A compiled expression. */
export interface CompiledExpression {
  readonly text: string;
  /** The SSIS type of the result. */
  readonly resultType: TypeSpec;
  /** Evaluates once; `null` is NULL. Throws SsisError on run-time errors (division by zero, failed cast, …). */
  evaluate(scope?: EvaluationScope): unknown;
  /** The checked tree (for tools and the reference evaluator). */
  readonly tree: TNode;
  /** The generated JavaScript, for debugging. */
  readonly source: string;
}

/** The features of the version an expression follows. */
export function featuresOf(context: ExpressionContext): VersionFeatures {
  return versionOfYear(context.version ?? CURRENT_YEAR).features;
}

/** Parses and type-checks an expression into its checked tree, converted to `resultType` when one is asked for. */
export function checkText(text: string, context: ExpressionContext = {}, resultType?: TypeSpec): TNode {
  const features = featuresOf(context);
  let tree: TNode;
  try {
    tree = checkExpression(parseExpression(text, { allowAssignment: context.allowAssignment }), context, features);
  } catch (e) {
    throw locateError(text, e);
  }
  if (!resultType || sameTypeSpec(tree.t, resultType)) return tree;
  if (!castAllowed(tree.t.type, resultType.type)) {
    throw new SsisError('0xC004709D', 'DTS_E_EXPREVALCANNOTCONVERTRESULT', `Cannot convert the expression result data type "${formatTypeSpec(tree.t)}" to the column data type "${formatTypeSpec(resultType)}".`);
  }
  return { k: 'convert', t: resultType, a: tree, explicit: false, strict: true, pos: tree.pos };
}

function nullValueCheck(id: string, t: TypeSpec): string {
  const js = dataType(t.type).js;
  const zero = js === 'number' ? '0' : js === 'bigint' ? '0n' : js === 'boolean' ? 'false' : 'null';
  return `if (n${id}) v${id} = ${zero};`;
}

const ROW_LEAVES: LeafReader = {
  variable(name, t, g) {
    const id = g.local('');
    g.emit(`let v${id} = scope.variable(${JSON.stringify(name)}) ?? null; let n${id} = v${id} === null; ${nullValueCheck(id, t)}`);
    return { n: `n${id}`, v: `v${id}` };
  },
  column(index, t, g) {
    const id = g.local('');
    g.emit(`let v${id} = cols[${index}] ?? null; let n${id} = v${id} === null; ${nullValueCheck(id, t)}`);
    return { n: `n${id}`, v: `v${id}` };
  },
};

type Factory = (rt: typeof RT, K: unknown[], env: RuntimeEnv) => unknown;

function build(params: string, prelude: string, body: string): Factory {
  return new Function('rt', 'K', 'env', `"use strict";\n${prelude}\nreturn function (${params}) {\n${body}\n};`) as Factory;
}

/** Compiles an expression for evaluation one value at a time (variables, property expressions, constraints, loops). */
export function compileExpression(text: string, context: ExpressionContext = {}, opts: CompileOptions = {}): CompiledExpression {
  const env = opts.env ?? systemEnv;
  const stringLimit = featuresOf(context).expressionStringLimit4000;
  const tree = foldConstants(checkText(text, context, opts.resultType), env, stringLimit);
  const g = new CodeGenerator(ROW_LEAVES, env, stringLimit);
  const r = g.gen(tree);
  const body = `const cols = scope.columns ?? [];\n${g.source()}\nreturn ${r.n} ? null : ${r.v};`;
  const fn = build('scope', g.prelude(), body)(RT, g.constants, env) as (scope: EvaluationScope) => unknown;
  return {
    text,
    resultType: tree.t,
    tree,
    source: body,
    evaluate: (scope: EvaluationScope = {}) => {
      try {
        return fn(scope);
      } catch (e) {
        throw locateError(text, e);
      }
    },
  };
}

/** A column a columnar expression can see. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: TypeSpec;
  /** The component that owns the column, for `[Component].[Column]`. */
  readonly component?: string;
  /** Lineage spellings that denote the column: integer IDs (`"12"`) and/or refId paths. */
  readonly lineage?: readonly string[];
}

/** Options of a columnar run. */
export interface ColumnarRunOptions {
  /** Variables the expression reads (read once per row from this scope). */
  readonly scope?: EvaluationScope;
  /** Called for a row whose evaluation failed; the row's result is NULL. Without it the error is thrown. */
  readonly onError?: (row: number, error: SsisError) => void;
}

/** A compiled columnar expression. */
export interface CompiledColumnar {
  readonly text: string;
  readonly resultType: TypeSpec;
  /** Evaluates every row of the batch into `out` (a column of `resultType`). */
  run(batch: ColumnBatch, out: ColumnVector, opts?: ColumnarRunOptions): void;
  readonly source: string;
}

/** Finds a column by lineage, `[Component].[Name]` or name (exact, then case-insensitive). */
export function columnResolver(columns: readonly ColumnInfo[]): (ref: ColumnRef) => ResolvedColumn | undefined {
  return (ref) => {
    let index = -1;
    if (ref.lineage !== undefined) index = columns.findIndex((c) => c.lineage?.includes(ref.lineage!));
    else {
      const candidates = columns.map((c, i) => ({ c, i })).filter(({ c }) => ref.component === undefined || c.component === ref.component);
      const exact = candidates.filter(({ c }) => c.name === ref.name);
      const loose = exact.length ? exact : candidates.filter(({ c }) => c.name.toLowerCase() === ref.name!.toLowerCase());
      if (loose.length > 1) {
        throw new SsisError('0xC00470DB', 'DTS_E_EXPREVALAMBIGUOUSINPUTCOLUMNNAME', `There are multiple input columns with the name "${ref.name}". Specify the column as [Component Name].[${ref.name}] or by lineage ID.`);
      }
      index = loose[0]?.i ?? -1;
    }
    return index < 0 ? undefined : { index, type: columns[index].type };
  };
}

/**
 * Compiles an expression over a buffer: `run` loops over `batch.length` rows of `batch.columns` (the columns in the order
 * of `columns`) with typed arrays for numbers, writing values and NULL flags into `out`.
 */
export function compileColumnar(text: string, columns: readonly ColumnInfo[], context: Omit<ExpressionContext, 'resolveColumn'> = {}, opts: CompileOptions = {}): CompiledColumnar {
  const env = opts.env ?? systemEnv;
  const stringLimit = featuresOf(context).expressionStringLimit4000;
  const tree = foldConstants(checkText(text, { ...context, resolveColumn: columnResolver(columns) }, opts.resultType), env, stringLimit);
  const used = new Set<number>();
  const leaves: LeafReader = {
    variable: ROW_LEAVES.variable,
    column(index, t, g) {
      used.add(index);
      const id = g.local('');
      const value = t.type === 'DT_BOOL' ? `cV${index}[i] === 1` : `cV${index}[i]`;
      g.emit(`let n${id} = cN${index}[i] === 1, v${id} = ${value};`);
      return { n: `n${id}`, v: `v${id}` };
    },
  };
  const g = new CodeGenerator(leaves, env, stringLimit);
  const r = g.gen(tree);
  const loads = [...used].map((i) => `const cV${i} = cols[${i}].values, cN${i} = cols[${i}].nulls;`).join('\n');
  const store = tree.t.type === 'DT_BOOL' ? `oV[i] = ${r.v} ? 1 : 0;` : `oV[i] = ${r.v};`;
  const body = `const cols = batch.columns, count = batch.length, scope = opts.scope ?? {}, onError = opts.onError;
const oV = out.values, oN = out.nulls;
${loads}
for (let i = 0; i < count; i++) {
  try {
${g.source()}
    if (${r.n}) oN[i] = 1; else { oN[i] = 0; ${store} }
  } catch (e) {
    if (!onError) throw e;
    oN[i] = 1;
    onError(i, e);
  }
}`;
  const fn = build('batch, out, opts', g.prelude(), body)(RT, g.constants, env) as (b: ColumnBatch, o: ColumnVector, x: ColumnarRunOptions) => void;
  const typed = isTypedColumn(tree.t);
  return {
    text,
    resultType: tree.t,
    source: body,
    run(batch, out, runOpts = {}) {
      if (typed !== isTypedColumn(out.type) || (typed && out.type.type !== tree.t.type)) {
        throw new SsisError('0xC004709D', 'DTS_E_EXPREVALCANNOTCONVERTRESULT', `Cannot write the expression result of type ${tree.t.type} into a column of type ${out.type.type}; compile with resultType to convert it.`);
      }
      fn(batch, out, runOpts);
    },
  };
}
