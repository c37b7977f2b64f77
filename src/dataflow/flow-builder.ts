/** @module A small builder of data flow models in code, for tests, benchmarks and programmatic flows. */
import type {
  ComponentModel,
  DataFlowModel,
  ExternalColumnModel,
  InputColumnModel,
  InputModel,
  OutputColumnModel,
  OutputModel,
  PathModel,
  RowDisposition,
} from './model.ts';

/** A column as written in a builder spec. */
export interface ColumnSpec {
  readonly name: string;
  readonly dataType?: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly codePage?: number;
  readonly properties?: Record<string, string>;
  readonly errorRowDisposition?: RowDisposition;
  readonly truncationRowDisposition?: RowDisposition;
  readonly sortKeyPosition?: number;
  /** Input columns: the lineage; by default the upstream column of the same name. */
  readonly lineage?: string;
  readonly usageType?: 'readOnly' | 'readWrite';
  /** Input/output columns: the external column they map to, by name. */
  readonly external?: string;
}

/** An output in a builder spec. */
export interface OutputSpec {
  readonly name: string;
  readonly columns?: readonly ColumnSpec[];
  readonly isErrorOut?: boolean;
  /** Index of the input this output is synchronous with. */
  readonly syncInput?: number;
  readonly exclusionGroup?: number;
  readonly isSorted?: boolean;
  readonly properties?: Record<string, string>;
  readonly externalColumns?: readonly ColumnSpec[];
  readonly errorRowDisposition?: RowDisposition;
}

/** An input in a builder spec. */
export interface InputSpec {
  readonly name: string;
  /** Columns used; `'*'` = every upstream column, read-only. */
  readonly columns?: readonly ColumnSpec[] | '*';
  readonly externalColumns?: readonly ColumnSpec[];
  readonly properties?: Record<string, string>;
}

/** A component in a builder spec. */
export interface ComponentSpec {
  readonly name: string;
  readonly classId: string;
  readonly properties?: Record<string, string>;
  /** Connection slots: slot name → connection manager reference. */
  readonly connections?: Record<string, string>;
  readonly inputs?: readonly InputSpec[];
  readonly outputs?: readonly OutputSpec[];
}

/** A standard error output (ErrorCode, ErrorColumn) synchronous with input 0. */
export function errorOutputSpec(name: string, syncInput = 0): OutputSpec {
  return { name, isErrorOut: true, syncInput, columns: [{ name: 'ErrorCode', dataType: 'i4' }, { name: 'ErrorColumn', dataType: 'i4' }] };
}

/** Builds a {@link DataFlowModel}: add components, connect outputs to inputs, then `build()`. */
export class FlowBuilder {
  readonly #task: string;
  readonly #specs: ComponentSpec[] = [];
  readonly #paths: { from: [string, string | number]; to: [string, string | number] }[] = [];
  readonly #properties: Record<string, string>;

  constructor(taskRefId = 'Package\\Data Flow Task', properties: Record<string, string> = {}) {
    this.#task = taskRefId;
    this.#properties = properties;
  }

  /** Adds a component. */
  add(spec: ComponentSpec): this {
    this.#specs.push(spec);
    return this;
  }

  /** Connects an output (by name or index) of one component to an input of another. */
  connect(from: string, to: string, output: string | number = 0, input: string | number = 0): this {
    this.#paths.push({ from: [from, output], to: [to, input] });
    return this;
  }

  /** The refId of a component's output column (its lineage). */
  lineage(component: string, output: string, column: string): string {
    return `${this.#task}\\${component}.Outputs[${output}].Columns[${column}]`;
  }

  /** Builds the model, resolving input columns by name against what reaches each input. */
  build(): DataFlowModel {
    const comps: ComponentModel[] = this.#specs.map((s) => this.#component(s));
    const byName = new Map(comps.map((c) => [c.name, c]));
    const pick = <T extends { name: string }>(list: readonly T[], key: string | number, what: string): T => {
      const found = typeof key === 'number' ? list[key] : list.find((x) => x.name === key);
      if (!found) throw new Error(`no ${what} ${key}`);
      return found;
    };
    const paths: PathModel[] = this.#paths.map((p, i) => {
      const a = byName.get(p.from[0]);
      const b = byName.get(p.to[0]);
      if (!a || !b) throw new Error(`unknown component in path ${p.from[0]} → ${p.to[0]}`);
      const o = pick(a.outputs.filter((x) => !x.isErrorOut || typeof p.from[1] === 'string'), p.from[1], `output of ${a.name}`);
      const inp = pick(b.inputs, p.to[1], `input of ${b.name}`);
      return { refId: `${this.#task}.Paths[${o.name}${i === 0 ? '' : ` ${i}`}]`, name: o.name, startRefId: o.refId, endRefId: inp.refId };
    });
    const model: DataFlowModel = { refId: this.#task, name: this.#task.split('\\').pop()!, components: comps, paths, properties: this.#properties };
    // Resolve input columns now that paths exist.
    const resolved = comps.map((c) => ({
      ...c,
      inputs: c.inputs.map((inp, ix) => {
        const spec = this.#specs.find((s) => s.name === c.name)!.inputs![ix]!;
        const available = availableColumns(model, inp.refId);
        const cols: InputColumnModel[] = (spec.columns === '*' ? available.map((a) => ({ name: a.name })) : spec.columns ?? []).map((cs: ColumnSpec) => {
          const up = cs.lineage ? available.find((a) => a.lineageId === cs.lineage) : [...available].reverse().find((a) => a.name === cs.name);
          if (!up && !cs.lineage) throw new Error(`${c.name}: no upstream column named ${cs.name}`);
          return {
            refId: `${inp.refId}.Columns[${cs.name}]`,
            lineageId: cs.lineage ?? up!.lineageId,
            name: cs.name,
            dataType: cs.dataType ?? up?.dataType ?? 'wstr',
            length: cs.length ?? up?.length,
            precision: cs.precision ?? up?.precision,
            scale: cs.scale ?? up?.scale,
            codePage: cs.codePage ?? up?.codePage,
            usageType: cs.usageType ?? 'readOnly',
            properties: cs.properties ?? {},
            errorRowDisposition: cs.errorRowDisposition,
            truncationRowDisposition: cs.truncationRowDisposition,
            externalMetadataColumnId: cs.external ? `${inp.refId}.ExternalColumns[${cs.external}]` : undefined,
          };
        });
        return { ...inp, columns: cols };
      }),
    }));
    return { ...model, components: resolved };
  }

  #component(s: ComponentSpec): ComponentModel {
    const refId = `${this.#task}\\${s.name}`;
    const inputs: InputModel[] = (s.inputs ?? []).map((i) => ({
      refId: `${refId}.Inputs[${i.name}]`,
      name: i.name,
      columns: [],
      externalColumns: (i.externalColumns ?? []).map((c) => external(`${refId}.Inputs[${i.name}]`, c)),
      properties: i.properties ?? {},
    }));
    const outputs: OutputModel[] = (s.outputs ?? []).map((o) => {
      const oref = `${refId}.Outputs[${o.name}]`;
      return {
        refId: oref,
        name: o.name,
        isErrorOut: o.isErrorOut ?? false,
        synchronousInputRefId: o.syncInput === undefined ? undefined : inputs[o.syncInput]?.refId,
        exclusionGroup: o.exclusionGroup ?? 0,
        isSorted: o.isSorted,
        properties: o.properties ?? {},
        errorRowDisposition: o.errorRowDisposition,
        externalColumns: (o.externalColumns ?? []).map((c) => external(oref, c)),
        columns: (o.columns ?? []).map<OutputColumnModel>((c) => ({
          refId: `${oref}.Columns[${c.name}]`,
          lineageId: `${oref}.Columns[${c.name}]`,
          name: c.name,
          dataType: c.dataType ?? 'wstr',
          length: c.length ?? (c.dataType === undefined || /^(w?str|bytes)$/.test(c.dataType) ? 50 : undefined),
          precision: c.precision,
          scale: c.scale,
          codePage: c.codePage ?? (c.dataType === 'str' || c.dataType === 'text' ? 1252 : undefined),
          properties: c.properties ?? {},
          errorRowDisposition: c.errorRowDisposition,
          truncationRowDisposition: c.truncationRowDisposition,
          sortKeyPosition: c.sortKeyPosition,
          externalMetadataColumnId: c.external ? `${oref}.ExternalColumns[${c.external}]` : undefined,
        })),
      };
    });
    const connections = Object.entries(s.connections ?? {}).map(([name, cm]) => ({ name, connectionManagerRefId: cm }));
    return { refId, name: s.name, classId: s.classId, rawClassId: s.classId, properties: s.properties ?? {}, connections, inputs, outputs };
  }
}

function external(owner: string, c: ColumnSpec): ExternalColumnModel {
  return { refId: `${owner}.ExternalColumns[${c.name}]`, name: c.name, dataType: c.dataType ?? 'wstr', length: c.length, precision: c.precision, scale: c.scale, codePage: c.codePage, properties: c.properties };
}

/** Every output column whose lineage reaches an input (walking up through synchronous outputs). */
export function availableColumns(model: DataFlowModel, inputRefId: string): OutputColumnModel[] {
  const path = model.paths.find((p) => p.endRefId === inputRefId);
  if (!path) return [];
  for (const c of model.components) {
    const o = c.outputs.find((x) => x.refId === path.startRefId);
    if (!o) continue;
    const upstream = o.synchronousInputRefId ? availableColumns(model, o.synchronousInputRefId) : [];
    return [...upstream, ...o.columns];
  }
  return [];
}
