/**
 * @module The code generator: turns a checked tree into JavaScript statements. Every node becomes a pair of locals —
 * a NULL flag and a value that is always of the type's JS representation (0 for NULL numbers) — so numeric work
 * stays unboxed and nothing is allocated per row. Hot numeric paths are inlined; the rest calls the shared operations.
 */
import { dataType, type TypeSpec } from '../types/index.ts';
import { findFunction, type CallContext } from './functions/index.ts';
import type { RuntimeEnv } from './runtime-env.ts';
import type { TNode } from './typed-ast.ts';

/** A generated node: JS expressions (locals or literals) for its NULL flag and its value. */
export interface Gen {
  readonly n: string;
  readonly v: string;
}

/** How leaves are read: per row from a scope, or from column arrays inside a loop over `i`. */
export interface LeafReader {
  variable(name: string, t: TypeSpec, g: CodeGenerator): Gen;
  column(index: number, t: TypeSpec, g: CodeGenerator): Gen;
}

/** The JS literal of a value that is NULL for its type: 0 for numbers so locals stay monomorphic. */
function nullValue(t: TypeSpec): string {
  const js = dataType(t.type).js;
  return js === 'number' ? '0' : js === 'bigint' ? '0n' : js === 'boolean' ? 'false' : 'null';
}

const NUMBER_OPS = new Set(['+', '-', '*', '/', '%']);

/** Builds statements for a checked tree; constants that are objects are hoisted into `K`. */
export class CodeGenerator {
  private lines: string[] = [];
  private count = 0;
  /** Hoisted constants, passed to the generated function as `K`. */
  readonly constants: unknown[] = [];

  constructor(
    private readonly leaves: LeafReader,
    private readonly env: RuntimeEnv,
    private readonly stringLimit: boolean,
  ) {}

  /** Adds a statement. */
  emit(line: string): void {
    this.lines.push(line);
  }

  /** A fresh local name. */
  local(prefix: string): string {
    return `${prefix}${this.count++}`;
  }

  /** A hoisted constant's expression (a local bound once, outside the generated function). */
  constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /** The statements that bind the hoisted constants from `K`. */
  prelude(): string {
    return this.constants.map((_, i) => `const k${i} = K[${i}];`).join('\n');
  }

  /** The generated statements so far. */
  source(): string {
    return this.lines.join('\n');
  }

  /** Generates `fill` into a nested block and returns its statements. */
  private block(fill: () => void): string {
    const saved = this.lines;
    this.lines = [];
    fill();
    const body = this.lines.join('\n');
    this.lines = saved;
    return body;
  }

  private literal(value: unknown, t: TypeSpec): string {
    if (value === null) return nullValue(t);
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? String(value) : this.constant(value);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
    return this.constant(value);
  }

  /** Declares a node's result locals: `let nX = <n>, vX = <v>;`. */
  private result(n: string, v: string): Gen {
    const id = this.count++;
    this.emit(`let n${id} = ${n}, v${id} = ${v};`);
    return { n: `n${id}`, v: `v${id}` };
  }

  /** A strict operation: NULL when any operand is NULL; `compute` runs only for non-NULL operands. */
  private strict(t: TypeSpec, parts: readonly Gen[], compute: (vals: string[]) => string, safe = false, nullable = false): Gen {
    const nulls = parts.map((p) => p.n).filter((n) => n !== 'false');
    const vals = parts.map((p) => p.v);
    if (nulls.includes('true')) return { n: 'true', v: nullValue(t) };
    const n = nulls.length === 0 ? 'false' : nulls.join(' || ');
    if (n === 'false' && !nullable) {
      const v = this.local('c');
      this.emit(`const ${v} = ${compute(vals)};`);
      return { n: 'false', v };
    }
    if (n === 'false' || safe) return this.result(n, compute(vals));
    const r = this.result(n, nullValue(t));
    this.emit(`if (!${r.n}) ${r.v} = ${compute(vals)};`);
    return r;
  }

  private checkLimit(g: Gen, t: TypeSpec, pos: number, variable?: string): Gen {
    if (this.stringLimit && dataType(t.type).family === 'string' && g.n !== 'true') {
      const error = variable === undefined ? `rt.stringTooLong(${pos}, ${g.v}.length)` : `rt.variableTooLong(${JSON.stringify(variable)}, ${pos})`;
      this.emit(`if (!${g.n} && ${g.v}.length > 4000) throw ${error};`);
    }
    return g;
  }

  /** Generates a node. */
  gen(node: TNode): Gen {
    switch (node.k) {
      case 'const': return node.value === null ? { n: 'true', v: nullValue(node.t) } : { n: 'false', v: this.literal(node.value, node.t) };
      case 'var': return this.checkLimit(this.leaves.variable(node.name, node.t, this), node.t, node.pos, node.name);
      case 'col': return this.leaves.column(node.index, node.t, this);
      case 'arith': return this.arith(node);
      case 'concat': return this.checkLimit(this.strict(node.t, [this.gen(node.a), this.gen(node.b)], ([a, b]) => `${a} + ${b}`), node.t, node.pos);
      case 'compare': {
        const js = dataType(node.operand.type).js;
        const direct = js === 'number' || js === 'bigint' || js === 'string' || (js === 'boolean' && (node.op === '==' || node.op === '!='));
        const op = node.op === '==' ? '===' : node.op === '!=' ? '!==' : node.op;
        const t = this.constant(node.operand);
        return this.strict(node.t, [this.gen(node.a), this.gen(node.b)],
          ([a, b]) => (direct ? `${a} ${op} ${b}` : `rt.compare(${JSON.stringify(node.op)}, ${t}, ${a}, ${b})`), direct);
      }
      case 'bitwise': {
        const t = this.constant(node.t);
        return this.strict(node.t, [this.gen(node.a), this.gen(node.b)], ([a, b]) => `rt.bitwise(${JSON.stringify(node.op)}, ${t}, ${a}, ${b})`);
      }
      case 'unary': {
        const a = this.gen(node.a);
        if (node.op === '!') return a.n === 'true' ? a : this.result(a.n, `!${a.v}`);
        const t = this.constant(node.t);
        return this.strict(node.t, [a], ([x]) => `rt.unary(${JSON.stringify(node.op)}, ${t}, ${x}, ${node.pos})`);
      }
      case 'logic': return this.logic(node);
      case 'cond': {
        const c = this.gen(node.c);
        const r = this.result('true', nullValue(node.t));
        const branch = (b: TNode) => this.block(() => {
          const g = this.gen(b);
          this.emit(`${r.n} = ${g.n}; ${r.v} = ${g.v};`);
        });
        this.emit(`if (!${c.n}) { if (${c.v}) { ${branch(node.a)} } else { ${branch(node.b)} } }`);
        return r;
      }
      case 'convert': return this.checkLimit(this.convert(node.a, node.t, node.pos, node.strict === true), node.t, node.pos);
      case 'isnull': {
        const a = this.gen(node.a);
        return { n: 'false', v: a.n === 'false' ? 'false' : a.n };
      }
      case 'replacenull': {
        const a = this.gen(node.a);
        if (a.n === 'false') return a;
        const r = this.result(a.n, a.v);
        const body = this.block(() => {
          const b = this.gen(node.b);
          this.emit(`${r.n} = ${b.n}; ${r.v} = ${b.v};`);
        });
        this.emit(`if (${r.n}) { ${body} }`);
        return r;
      }
      case 'assign': {
        const a = this.gen(node.a);
        this.emit(`scope.assign(${JSON.stringify(node.name)}, ${a.n} ? null : ${a.v});`);
        return a;
      }
      case 'call': return this.call(node);
    }
  }

  private arith(node: Extract<TNode, { k: 'arith' }>): Gen {
    const info = dataType(node.t.type);
    const a = this.gen(node.a);
    const b = this.gen(node.b);
    const t = this.constant(node.t);
    const generic = ([x, y]: string[]) => `rt.arith(${JSON.stringify(node.op)}, ${t}, ${x}, ${y}, ${node.pos})`;
    if (info.js !== 'number' || !NUMBER_OPS.has(node.op)) return this.strict(node.t, [a, b], generic);
    const divides = node.op === '/' || node.op === '%';
    const integer = info.family === 'integer';
    if (divides || node.t.type === 'DT_R4') return this.strict(node.t, [a, b], generic);
    // + - * on doubles: computed unguarded (NULL operands hold 0), checked only for non-NULL rows.
    const r = this.strict(node.t, [a, b], ([x, y]) => `${x} ${node.op} ${y}`, true);
    const bad = integer ? `(${r.v} > ${Number(info.max)} || ${r.v} < ${Number(info.min)})` : `(${r.v} - ${r.v} !== 0)`;
    const guard = r.n === 'false' ? bad : `!${r.n} && ${bad}`;
    this.emit(`if (${guard}) throw rt.binaryOverflow(${JSON.stringify(node.op)}, ${t}, ${node.pos});`);
    return r;
  }

  private logic(node: Extract<TNode, { k: 'logic' }>): Gen {
    const and = node.op === '&&';
    const a = this.gen(node.a);
    const r = this.result('false', and ? 'false' : 'true');
    const decided = and ? `!${a.n} && !${a.v}` : `!${a.n} && ${a.v}`;
    const rest = this.block(() => {
      const b = this.gen(node.b);
      const bDecides = and ? `!${b.n} && !${b.v}` : `!${b.n} && ${b.v}`;
      this.emit(`if (${bDecides}) { ${r.n} = false; ${r.v} = ${and ? 'false' : 'true'}; } else if (${a.n} || ${b.n}) { ${r.n} = true; ${r.v} = false; } else { ${r.n} = false; ${r.v} = ${and ? 'true' : 'false'}; }`);
    });
    this.emit(`if (!(${decided})) { ${rest} }`);
    return r;
  }

  private convert(from: TNode, to: TypeSpec, pos: number, strict: boolean): Gen {
    const a = this.gen(from);
    const fi = dataType(from.t.type);
    const ti = dataType(to.type);
    // Widening between JS numbers needs no work; integers to DT_WSTR of sufficient length are String().
    // Exact widenings need no work: 32-bit integers and DT_R4 to DT_R8, 8/16-bit integers to DT_R4.
    const exactToReal = to.type === 'DT_R8' ? fi.family === 'integer' || from.t.type === 'DT_R4' : fi.family === 'integer' && (fi.byteSize ?? 8) <= 2;
    if (fi.js === 'number' && ti.js === 'number' && ti.family === 'real' && exactToReal) return a;
    if (fi.family === 'integer' && ti.family === 'integer' && fi.js === 'number' && ti.js === 'number' && Number(fi.min) >= Number(ti.min) && Number(fi.max) <= Number(ti.max)) return a;
    // DT_STR (and a shorter DT_WSTR) become DT_WSTR without any work when nothing can be cut.
    const fits = !to.length || (from.t.length !== undefined && from.t.length > 0 && from.t.length <= to.length);
    if ((from.t.type === 'DT_STR' || from.t.type === 'DT_WSTR') && to.type === 'DT_WSTR' && fits) return a;
    if (fi.family === 'integer' && to.type === 'DT_WSTR' && !strict) {
      const longest = Math.max(String(fi.min).length, String(fi.max).length);
      const len = to.length ?? 0;
      return this.strict(to, [a], ([x]) => (len >= longest ? `"" + ${x}` : `("" + ${x}).slice(0, ${len})`));
    }
    const f = this.constant(from.t);
    const t = this.constant(to);
    return this.strict(to, [a], ([x]) => `rt.convert(${x}, ${f}, ${t}, ${pos}, env, ${strict})`);
  }

  private call(node: Extract<TNode, { k: 'call' }>): Gen {
    const spec = findFunction(node.fn)!;
    const args = node.args.map((x) => this.gen(x));
    const ctx: CallContext = { fn: node.fn, pos: node.pos, meta: node.meta, env: this.env };
    const fn = this.constant(spec.impl);
    const c = this.constant(ctx);
    const callText = (vals: string[]) => `${fn}(${[c, ...vals].join(', ')})`;
    let r: Gen;
    if (spec.receivesNulls) {
      r = this.result('false', callText(args.map((x) => (x.n === 'false' ? x.v : `(${x.n} ? null : ${x.v})`))));
    } else r = this.strict(node.t, args, callText, false, spec.mayReturnNull);
    if (spec.mayReturnNull) this.emit(`if (${r.v} === null) { ${r.n} = true; ${r.v} = ${nullValue(node.t)}; }`);
    return this.checkLimit(r, node.t, node.pos);
  }
}
