/**
 * @module Diagrams of a package for the console: the control flow of each container and each data
 * flow, as boxes and arrows placed by the designer's own layout stored in the package (2012+
 * `DTS:DesignTimeProperties`, 2008 `ddscontrol` shapes in package variables) when present, else by a
 * simple automatic layered layout.
 */
import { allDataFlows, walkExecutables, type ExecutableSummary, type Package, type PackageSummary } from '../package/index.ts';
import { childElements, serializeXmlToString, textOf, type XmlElement } from '../xml/index.ts';

/** A box of a diagram. */
export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An arrow of a diagram. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** Success / Failure / Completion for constraints; the path name for data flow paths. */
  readonly label: string;
}

/** One diagram: a container's control flow or a data flow. */
export interface Diagram {
  readonly kind: 'controlFlow' | 'dataFlow';
  /** The refId of the container or Data Flow task. */
  readonly refId: string;
  readonly title: string;
  /** `designer` when every box came from the package's stored layout, else `automatic`. */
  readonly layout: 'designer' | 'automatic';
  readonly nodes: DiagramNode[];
  readonly edges: DiagramEdge[];
}

type Box = { x: number; y: number; width: number; height: number };

const NODE_W = 180;
const NODE_H = 40;
const GAP_X = 40;
const GAP_Y = 60;

/** The boxes the designer stored (`NodeLayout Id=… TopLeft="x,y" Size="w,h"`), by refId; empty for 2008 packages. */
export function designerLayout(root: XmlElement): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const el of childElements(root).filter((e) => e.localName === 'DesignTimeProperties')) {
    for (const m of textOf(el).matchAll(/<NodeLayout\b([^>]*)\/?>/g)) {
      const attrs = Object.fromEntries([...m[1]!.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
      const id = attrs.Id;
      const [x, y] = (attrs.TopLeft ?? '').split(',').map(Number);
      const [w, h] = (attrs.Size ?? '').split(',').map(Number);
      if (id && Number.isFinite(x) && Number.isFinite(y)) {
        boxes.set(id.replace(/&amp;/g, '&'), { x: x!, y: y!, width: Number.isFinite(w) && w! > 0 ? w! : NODE_W, height: Number.isFinite(h) && h! > 0 ? h! : NODE_H });
      }
    }
  }
  return boxes;
}

/** The edges left when the back edges of a depth-first walk (in node order) are dropped: a graph without cycles. */
function acyclicEdges(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): DiagramEdge[] {
  const out = new Map<string, DiagramEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const kept: DiagramEdge[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') continue;
      kept.push(e);
      if (s === undefined) visit(e.to);
    }
    state.set(id, 'done');
  };
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  return kept;
}

/** HIMETRIC units (1/100 mm) of the 2008 designer per screen pixel at 96 dpi. */
const HIMETRIC_PER_PX = 2540 / 96;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/**
 * The boxes the 2008 designer stored: `ddscontrol` shapes (HIMETRIC) in the layout package variables,
 * each naming its executable by DTSID or its component as `{task DTSID}/components/ID`; keyed by refId.
 */
export function designerLayout2008(pkg: Package): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const text = serializeXmlToString(pkg.xml);
  if (!text.includes('ddscontrol')) return boxes;
  const refIds = new Map<string, string>();
  for (const e of walkExecutables(pkg)) refIds.set(e.dtsId.toLowerCase(), e.refId);
  for (const { task, dataFlow } of allDataFlows(pkg)) {
    for (const c of dataFlow.components) if (c.id !== undefined) refIds.set(`${task.dtsId.toLowerCase()}/components/${c.id}`, c.refId);
  }
  const decoded = text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e]!);
  for (const m of decoded.matchAll(/<ddscontrol\b([^>]*)>([\s\S]*?)<\/ddscontrol>/g)) {
    const logical = /name="LogicalObject" value="([^"]*)"/.exec(m[2]!)?.[1];
    const refId = logical && refIds.get(logical.toLowerCase());
    if (!refId || boxes.has(refId)) continue;
    const num = (name: string) => Number(new RegExp(`\\b${name}="(-?\\d+)"`).exec(m[1]!)?.[1]) / HIMETRIC_PER_PX;
    const box = { x: num('left'), y: num('top'), width: num('width'), height: num('height') };
    if (Object.values(box).every(Number.isFinite)) boxes.set(refId, box);
  }
  return boxes;
}

/** Places nodes in layers (longest path from the sources, cycles broken), left to right within a layer. */
export function layeredLayout(nodes: DiagramNode[], edges: readonly DiagramEdge[]): void {
  const layer = new Map(nodes.map((n) => [n.id, 0]));
  const dag = acyclicEdges(nodes, edges).filter((e) => layer.has(e.from) && layer.has(e.to));
  for (let pass = 0; pass < nodes.length; pass++) {
    let changed = false;
    for (const e of dag) {
      const from = layer.get(e.from)!;
      if (layer.get(e.to)! < from + 1) {
        layer.set(e.to, from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const perLayer = new Map<number, number>();
  for (const n of nodes) {
    const l = layer.get(n.id)!;
    const i = perLayer.get(l) ?? 0;
    perLayer.set(l, i + 1);
    n.x = 20 + i * (NODE_W + GAP_X);
    n.y = 20 + l * (NODE_H + GAP_Y);
    n.width = NODE_W;
    n.height = NODE_H;
  }
}

function place(kind: Diagram['kind'], refId: string, title: string, nodes: DiagramNode[], edges: DiagramEdge[], stored: Map<string, Box>): Diagram {
  const all = nodes.length > 0 && nodes.every((n) => stored.has(n.id));
  if (all) {
    for (const n of nodes) Object.assign(n, stored.get(n.id));
    // Shift to the top-left corner: designer coordinates may start anywhere.
    const minX = Math.min(...nodes.map((n) => n.x));
    const minY = Math.min(...nodes.map((n) => n.y));
    for (const n of nodes) {
      n.x = n.x - minX + 20;
      n.y = n.y - minY + 20;
    }
  } else layeredLayout(nodes, edges);
  return { kind, refId, title, layout: all ? 'designer' : 'automatic', nodes, edges };
}

function node(id: string, label: string, kind: string): DiagramNode {
  return { id, label, kind, x: 0, y: 0, width: NODE_W, height: NODE_H };
}

/** The component refId an output or input refId belongs to (`Package\Load\Read.Outputs[Out]` → `Package\Load\Read`). */
function componentOf(refId: string): string {
  const i = refId.search(/\.(Outputs|Inputs)\[/);
  return i < 0 ? refId : refId.slice(0, i);
}

/** Every diagram of a package: the control flow of each container holding executables, then each data flow. */
export function packageDiagrams(summary: PackageSummary, pkg: Package): Diagram[] {
  const stored = new Map([...designerLayout2008(pkg), ...designerLayout(pkg.xml.root)]);
  const out: Diagram[] = [];
  const walk = (e: ExecutableSummary) => {
    const children = e.children.filter((c) => c.kind !== 'EventHandler');
    if (children.length > 0) {
      const nodes = children.map((c) => node(c.refId, c.name, c.kind === 'Task' ? c.classId : c.kind));
      const edges = e.constraints.map((c) => ({ from: c.from, to: c.to, label: c.expression ? `${c.value} + expr` : c.value }));
      out.push(place('controlFlow', e.refId, e.kind === 'Package' ? 'Control Flow' : `Control Flow of ${e.name}`, nodes, edges, stored));
    }
    for (const c of e.children) walk(c);
  };
  walk(summary.executables);
  for (const df of summary.dataFlows) {
    const nodes = df.components.map((c) => node(c.refId, c.name, c.classId));
    const edges = df.paths.map((p) => ({ from: componentOf(p.start), to: componentOf(p.end), label: p.name }));
    out.push(place('dataFlow', df.refId, `Data Flow: ${df.refId.split('\\').pop()}`, nodes, edges, stored));
  }
  return out;
}
