/** @module The date/time functions: DATEADD, DATEDIFF, DATEPART, DAY, MONTH, YEAR, GETDATE, GETUTCDATE. */
import { SsisDateTime, typeSpec } from '../../types/index.ts';
import { exprError } from '../error-codes.ts';
import { addDatePart, diffDatePart, getDatePart, type DatePart } from './date-parts.ts';
import type { CallContext, FunctionSpec } from './function-spec.ts';

const I4 = typeSpec('DT_I4');
const DBTIMESTAMP = typeSpec('DT_DBTIMESTAMP');
const MIN_DAY = SsisDateTime.of(1753, 1, 1).day;
const MAX_DAY = SsisDateTime.of(9999, 12, 31).day;

function overflow(ctx: CallContext, type: string): Error {
  return exprError('DTS_E_EXPREVALFUNCTIONOVERFLOW', `The result of the function call "${ctx.fn}" (character ${ctx.pos + 1}) is too large to fit in type "${type}".`, ctx.pos);
}

/** DAY, MONTH, YEAR: DATEPART of a fixed part. */
function partFunction(name: string, part: DatePart): FunctionSpec {
  return {
    name, arity: [1, 1],
    check: (c) => ({ t: I4, args: [c.date(0)] }),
    impl: (_ctx: CallContext, d: SsisDateTime) => getDatePart(part, d),
  };
}

/** The date/time functions. */
export const DATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'DATEADD', arity: [3, 3],
    check: (c) => ({ t: DBTIMESTAMP, args: [c.args[0], c.int(1), c.date(2)], meta: c.datePart(0) }),
    impl: (ctx: CallContext, _part: string, n: number, d: SsisDateTime) => {
      const r = addDatePart(ctx.meta as DatePart, n, d).truncateFraction(3);
      if (r.day < MIN_DAY || r.day > MAX_DAY) throw overflow(ctx, 'DT_DBTIMESTAMP');
      return new SsisDateTime(r.day, r.tick, 0);
    },
  },
  {
    name: 'DATEDIFF', arity: [3, 3],
    check: (c) => ({ t: I4, args: [c.args[0], c.date(1), c.date(2)], meta: c.datePart(0) }),
    impl: (ctx: CallContext, _part: string, a: SsisDateTime, b: SsisDateTime) => {
      const r = diffDatePart(ctx.meta as DatePart, a.toUtc(), b.toUtc());
      if (r > 2147483647 || r < -2147483648) throw overflow(ctx, 'DT_I4');
      return r;
    },
  },
  {
    name: 'DATEPART', arity: [2, 2],
    check: (c) => ({ t: I4, args: [c.args[0], c.date(1)], meta: c.datePart(0) }),
    impl: (ctx: CallContext, _part: string, d: SsisDateTime) => getDatePart(ctx.meta as DatePart, d),
  },
  partFunction('DAY', 'day'),
  partFunction('MONTH', 'month'),
  partFunction('YEAR', 'year'),
  {
    name: 'GETDATE', arity: [0, 0], volatile: true,
    check: () => ({ t: DBTIMESTAMP, args: [] }),
    impl: (ctx: CallContext) => SsisDateTime.fromDate(ctx.env.now()).truncateFraction(3),
  },
  {
    name: 'GETUTCDATE', arity: [0, 0], volatile: true,
    check: () => ({ t: DBTIMESTAMP, args: [] }),
    impl: (ctx: CallContext) => SsisDateTime.fromDate(ctx.env.now(), true).truncateFraction(3),
  },
];
