/** @module Variables at run time: scopes that nest like containers, namespaces, ReadOnly, EvaluateAsExpression and RaiseChangedEvent. */
import { SsisError } from '../errors.ts';
import { coerceToVariableType } from './variable-types.ts';

/** Called after a variable with RaiseChangedEvent changes. */
export type ChangedListener = (variable: Variable) => void | Promise<void>;

/** One variable of one container. */
export class Variable {
  readonly namespace: string;
  readonly name: string;
  dataType: number;
  readOnly: boolean;
  raiseChangedEvent: boolean;
  readonly sensitive: boolean;
  readonly id: string;
  readonly description: string;
  expression?: string;
  evaluateAsExpression: boolean;
  /** The compiled expression, set by the run when EvaluateAsExpression is true. */
  evaluator?: () => unknown;
  /** Set by the owning scope: raises OnVariableValueChanged. */
  onChanged?: ChangedListener;
  private current: unknown;

  constructor(init: {
    namespace: string;
    name: string;
    dataType: number;
    value: unknown;
    readOnly?: boolean;
    raiseChangedEvent?: boolean;
    sensitive?: boolean;
    expression?: string;
    evaluateAsExpression?: boolean;
    id?: string;
    description?: string;
  }) {
    this.namespace = init.namespace;
    this.name = init.name;
    this.dataType = init.dataType;
    this.current = init.value;
    this.readOnly = init.readOnly ?? false;
    this.raiseChangedEvent = init.raiseChangedEvent ?? false;
    this.sensitive = init.sensitive ?? false;
    this.expression = init.expression;
    this.evaluateAsExpression = init.evaluateAsExpression ?? false;
    this.id = init.id ?? '';
    this.description = init.description ?? '';
  }

  /** `User::Name`. */
  get qualifiedName(): string {
    return `${this.namespace}::${this.name}`;
  }

  /** The value: the expression's result when EvaluateAsExpression is true. */
  get value(): unknown {
    return this.evaluateAsExpression && this.evaluator ? this.evaluator() : this.current;
  }

  /** The stored value, without evaluating an expression. */
  get storedValue(): unknown {
    return this.current;
  }

  /**
   * Assigns a value (converted to the variable's type). Read-only variables refuse with
   * DTS_E_READONLYVARIABLE unless `force` (configurations and `/Set` may write them).
   */
  set(value: unknown, opts: { force?: boolean } = {}): void | Promise<void> {
    if (this.readOnly && !opts.force) {
      throw new SsisError('0xC001404D', 'DTS_E_READONLYVARIABLE', `The variable "${this.qualifiedName}" is read-only and cannot be changed.`);
    }
    const next = coerceToVariableType(value, this.dataType, this.qualifiedName);
    const changed = !Object.is(next, this.current);
    this.current = next;
    if (changed && this.raiseChangedEvent && this.onChanged) return this.onChanged(this);
  }

  /** Sets the value without events or read-only checks (system variables kept by the runtime). */
  setInternal(value: unknown): void {
    this.current = value;
  }
}

/** The variables one container owns, chained to its parent's scope. */
export class VariableScope {
  readonly parent: VariableScope | undefined;
  private readonly byQualified = new Map<string, Variable>();
  private readonly byName = new Map<string, Variable[]>();

  constructor(parent?: VariableScope) {
    this.parent = parent;
  }

  /** Adds a variable to this scope. */
  add(v: Variable): Variable {
    this.byQualified.set(v.qualifiedName, v);
    const list = this.byName.get(v.name) ?? [];
    list.push(v);
    this.byName.set(v.name, list);
    return v;
  }

  /** The variables this scope itself owns. */
  own(): Variable[] {
    return [...this.byQualified.values()];
  }

  /**
   * Finds a variable by `Namespace::Name`, `[Namespace::Name]` or a bare name, nearest scope first.
   * Variable names are case-sensitive (ssis-semantics §3.1); a bare name that more than one
   * namespace holds in the same scope is ambiguous.
   */
  find(reference: string): Variable | undefined {
    const ref = reference.startsWith('[') && reference.endsWith(']') ? reference.slice(1, -1) : reference;
    const sep = ref.indexOf('::');
    if (sep >= 0) {
      const v = this.byQualified.get(ref);
      if (v) return v;
    } else {
      const list = this.byName.get(ref);
      if (list && list.length === 1) return list[0];
      if (list && list.length > 1) {
        throw new SsisError('0xC0010001', 'DTS_E_AMBIGUOUSVARIABLE', `The variable name "${ref}" is ambiguous: it exists in the namespaces ${list.map((v) => v.namespace).join(', ')}. Qualify it as Namespace::Name.`);
      }
    }
    return this.parent?.find(ref);
  }

  /** Like `find` but raises SSIS's "variable not found" error. */
  get(reference: string): Variable {
    const v = this.find(reference);
    if (!v) {
      throw new SsisError('0xC0010001', 'DTS_E_VARIABLENOTFOUND', `The variable "${reference}" cannot be found. This occurs when an attempt is made to retrieve a variable from the Variables collection on a container during execution of the package, and the variable is not there.`);
    }
    return v;
  }
}
