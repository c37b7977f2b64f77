/** @module Precedence constraints between executables of one container. */
import type { XmlElement } from '../xml/index.ts';

/** DTSPrecedenceEvalOp. */
export const EVAL_OP = { Expression: 1, Constraint: 2, ExpressionAndConstraint: 3, ExpressionOrConstraint: 4 } as const;
/** DTSExecResult values a constraint can wait for. */
export const CONSTRAINT_VALUE = { Success: 0, Failure: 1, Completion: 2 } as const;

/** A precedence constraint. */
export interface PrecedenceConstraint {
  /** `Package.PrecedenceConstraints[Constraint 1]`. */
  refId: string;
  dtsId: string;
  name: string;
  /** refId of the executable it starts from. */
  from: string;
  /** refId of the executable it leads to. */
  to: string;
  /** 0 Success, 1 Failure, 2 Completion. */
  value: number;
  /** 1 Expression, 2 Constraint, 3 ExpressionAndConstraint, 4 ExpressionOrConstraint. */
  evalOp: number;
  expression: string;
  /** True: AND with the other constraints into `to`; false: OR. */
  logicalAnd: boolean;
  readonly element: XmlElement;
}
