/** @module The SSIS expression language: parse, type-check, and compile expressions to JavaScript; the public face of `expr/`. */
export { compileExpression, compileColumnar, checkText, columnResolver, featuresOf } from './compile.ts';
export type { CompiledExpression, CompiledColumnar, ColumnInfo, ColumnarRunOptions, CompileOptions } from './compile.ts';
export type { ExpressionContext, EvaluationScope, ColumnRef, ResolvedVariable, ResolvedColumn } from './context.ts';
export { parseExpression } from './parser.ts';
export type { Node } from './ast.ts';
export type { TNode } from './typed-ast.ts';
export { evaluateTree } from './reference-evaluator.ts';
export { EXPR_ERROR_CODES, exprError, type ExprErrorSymbol } from './error-codes.ts';
export { systemEnv, type RuntimeEnv } from './runtime-env.ts';
export { functionNames } from './functions/index.ts';
export { displayResult, displayValue } from './display.ts';
export { variableTable, type TableVariable } from './variable-table.ts';
export { mapLineageReferences, lineageReferences } from './lineage-rewrite.ts';
