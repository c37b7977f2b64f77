/** @module The execution plan SSIS builds: components wired by paths, execution trees and their buffer layouts. */
import { SsisError } from '../errors.ts';
import { buildLayout, type BufferLayout, type BufferSizing } from './layout.ts';
import type { ComponentModel, DataFlowModel, InputModel, OutputColumnModel, OutputModel, PathModel } from './model.ts';

/** An input in the plan. */
export interface PlanInput {
  readonly component: PlanComponent;
  readonly index: number;
  readonly model: InputModel;
  path?: PathModel;
  upstream?: PlanOutput;
}

/** An output in the plan. */
export interface PlanOutput {
  readonly component: PlanComponent;
  readonly index: number;
  readonly model: OutputModel;
  /** Index of the input this output is synchronous with, or -1 for an asynchronous output. */
  readonly syncInput: number;
  path?: PathModel;
  downstream?: PlanInput;
  /** The execution tree the output belongs to (set when the trees are built). */
  tree?: ExecutionTree;
}

/** A component in the plan. */
export interface PlanComponent {
  readonly model: ComponentModel;
  readonly inputs: PlanInput[];
  readonly outputs: PlanOutput[];
}

/** An execution tree: an asynchronous output and every synchronous output downstream of it, sharing one buffer type. */
export interface ExecutionTree {
  readonly id: number;
  readonly root: PlanOutput;
  readonly outputs: PlanOutput[];
  layout: BufferLayout;
}

/** The plan of one data flow. */
export interface ExecutionPlan {
  readonly model: DataFlowModel;
  /** Components in dependency order (upstream first). */
  readonly components: PlanComponent[];
  readonly trees: ExecutionTree[];
  /** Problems found while wiring (missing ends of paths, unattached inputs, cycles, broken lineage). */
  readonly issues: SsisError[];
}

function issue(component: ComponentModel | undefined, code: string, symbol: string, message: string): SsisError {
  const prefix = component ? `${component.name}: ` : '';
  return new SsisError(code, symbol, prefix + message);
}

/** Wires the components by their paths, finds the execution trees and lays out their buffers. */
export function buildPlan(model: DataFlowModel, sizing: BufferSizing): ExecutionPlan {
  const issues: SsisError[] = [];
  const comps = model.components.map<PlanComponent>((m) => {
    const pc: PlanComponent = { model: m, inputs: [], outputs: [] };
    m.inputs.forEach((im, index) => pc.inputs.push({ component: pc, index, model: im }));
    m.outputs.forEach((om, index) => {
      const syncInput = om.synchronousInputRefId ? m.inputs.findIndex((i) => i.refId === om.synchronousInputRefId) : -1;
      if (om.synchronousInputRefId && syncInput < 0) {
        issues.push(issue(m, '0xC0047072', 'DTS_E_OBJECTIDNOTFOUND', `output "${om.name}" is synchronous with input "${om.synchronousInputRefId}", which does not exist.`));
      }
      pc.outputs.push({ component: pc, index, model: om, syncInput });
    });
    return pc;
  });
  const outputs = new Map<string, PlanOutput>();
  const inputs = new Map<string, PlanInput>();
  for (const c of comps) {
    for (const o of c.outputs) outputs.set(o.model.refId, o);
    for (const i of c.inputs) inputs.set(i.model.refId, i);
  }
  for (const p of model.paths) {
    const o = outputs.get(p.startRefId);
    const i = inputs.get(p.endRefId);
    if (!o || !i) {
      issues.push(issue(undefined, '0xC0047072', 'DTS_E_OBJECTIDNOTFOUND', `The path "${p.name}" connects "${p.startRefId}" to "${p.endRefId}", and ${!o ? 'that output' : 'that input'} does not exist.`));
      continue;
    }
    if (o.path || i.path) {
      issues.push(issue(i.component.model, '0xC0047072', 'DTS_E_OBJECTIDNOTFOUND', `the path "${p.name}" attaches to an output or input that already has a path.`));
      continue;
    }
    o.path = p;
    o.downstream = i;
    i.path = p;
    i.upstream = o;
  }
  for (const c of comps) {
    for (const i of c.inputs) {
      if (!i.path) issues.push(issue(c.model, '0xC0047062', 'DTS_E_INPUTNOTATTACHED', `the input "${i.model.name}" is not attached to any output; connect it with a path or remove the component.`));
    }
  }
  const order = topologicalOrder(comps, issues);
  const trees = buildTrees(comps, sizing);
  return { model, components: order, trees, issues };
}

function topologicalOrder(comps: PlanComponent[], issues: SsisError[]): PlanComponent[] {
  const indegree = new Map<PlanComponent, number>();
  for (const c of comps) indegree.set(c, c.inputs.filter((i) => i.upstream).length);
  const ready = comps.filter((c) => indegree.get(c) === 0);
  const out: PlanComponent[] = [];
  while (ready.length > 0) {
    const c = ready.shift()!;
    out.push(c);
    for (const o of c.outputs) {
      const d = o.downstream?.component;
      if (!d) continue;
      const n = indegree.get(d)! - 1;
      indegree.set(d, n);
      if (n === 0) ready.push(d);
    }
  }
  for (const c of comps) {
    if (!out.includes(c)) {
      issues.push(issue(c.model, '0xC0047069', 'DTS_E_CYCLEINEXECUTIONTREE', 'the component is part of a cycle of paths; a data flow must not loop back on itself.'));
      out.push(c);
    }
  }
  return out;
}

function buildTrees(comps: PlanComponent[], sizing: BufferSizing): ExecutionTree[] {
  const trees: ExecutionTree[] = [];
  for (const c of comps) {
    for (const root of c.outputs) {
      if (root.syncInput >= 0) continue;
      const tree: ExecutionTree = { id: trees.length, root, outputs: [], layout: buildLayout(0, [], sizing) };
      const columns: OutputColumnModel[] = [];
      const visit = (o: PlanOutput): void => {
        if (o.tree) return;
        o.tree = tree;
        tree.outputs.push(o);
        columns.push(...o.model.columns);
        const d = o.downstream;
        if (!d) return;
        for (const so of d.component.outputs) if (so.syncInput === d.index) visit(so);
      };
      visit(root);
      tree.layout = buildLayout(tree.id, columns, sizing);
      trees.push(tree);
    }
  }
  // Synchronous outputs whose input is never fed still need a layout (they carry only their own columns).
  for (const c of comps) {
    for (const o of c.outputs) {
      if (o.tree) continue;
      const tree: ExecutionTree = { id: trees.length, root: o, outputs: [o], layout: buildLayout(trees.length, o.model.columns, sizing) };
      o.tree = tree;
      trees.push(tree);
    }
  }
  return trees;
}

/** The layout of buffers arriving at an input (its upstream output's tree), if it is attached. */
export function inputLayout(input: PlanInput): BufferLayout | undefined {
  return input.upstream?.tree?.layout;
}

/** A readable description of the trees, like SSIS's PipelineExecutionTrees log entry. */
export function describeTrees(plan: ExecutionPlan): string {
  return plan.trees
    .map((t) => {
      const parts = t.outputs.map((o) => {
        const end = o.downstream ? `${o.downstream.component.model.name}.Inputs[${o.downstream.model.name}]` : '(not attached)';
        return `  output "${o.component.model.name}.Outputs[${o.model.name}]" → ${end}`;
      });
      return `Begin Path ${t.id}\n${parts.join('\n')}\nEnd Path ${t.id}`;
    })
    .join('\n');
}
