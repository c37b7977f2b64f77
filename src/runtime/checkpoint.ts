/** @module Checkpoints: the file that records completed executables and variable values, written atomically, so a failed run restarts at the failed task. */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { SsisError } from '../errors.ts';
import { attr, childElements, parseXml, textOf, escapeAttribute, escapeText } from '../xml/index.ts';
import type { Engine } from './engine.ts';
import type { ExecResult } from './model.ts';
import type { RunNode } from './run-node.ts';
import { SsisDateTime } from '../types/date-time.ts';

/** The package's checkpoint settings, after dtexec's /CheckFile, /Checkpointing and /Restart. */
export interface CheckpointSettings {
  readonly file: string;
  /** Never 0, IfExists 1, Always 2. */
  readonly usage: 0 | 1 | 2;
  readonly save: boolean;
}

const NS = 'www.microsoft.com/SqlServer/Dts';

/** Executables recorded in the file: not the package, nothing inside a loop or an event handler (loops rerun whole). */
function recordable(node: RunNode): boolean {
  if (!node.parent) return false;
  for (let n: RunNode | undefined = node.parent; n; n = n.parent) {
    if (n.spec.kind === 'forLoop' || n.spec.kind === 'foreachLoop' || n.spec.kind === 'eventHandler') return false;
  }
  return true;
}

function allNodes(node: RunNode): RunNode[] {
  return node.spec.kind === 'task' ? [node] : [node, ...node.children().flatMap(allNodes)];
}

/** Reads, keeps and writes one package's checkpoint file. */
export class CheckpointStore {
  readonly settings: CheckpointSettings;
  private readonly done = new Set<string>();

  constructor(settings: CheckpointSettings) {
    this.settings = settings;
  }

  /** Loads the file when CheckpointUsage asks for it: completed executables and variable values. */
  async restore(engine: Engine): Promise<void> {
    const { file, usage, save } = this.settings;
    const exists = file !== '' && existsSync(file);
    if (usage === 0) {
      if (save && exists) {
        throw new SsisError('0xC0010014', 'DTS_E_CHECKPOINTFILEALREADYEXISTS', `The checkpoint file "${file}" already exists and the package is not configured to use it (CheckpointUsage=Never). Delete the file or set CheckpointUsage to IfExists or Always.`);
      }
      return;
    }
    if (!exists) {
      if (usage === 2) {
        throw new SsisError('0xC0010018', 'DTS_E_LOADCHECKPOINT', `Error loading value "the checkpoint file" from node: the checkpoint file "${file}" does not exist, and CheckpointUsage is Always.`);
      }
      return;
    }
    const doc = parseXml(readFileSync(file), file);
    if (attr(doc.root, 'DTS:PackageID') !== engine.pkg.id) {
      throw new SsisError('0xC0010019', 'DTS_E_CHECKPOINTMISMATCH', `Checkpoint file "${file}" does not match this package. The ID of the package and the ID in the checkpoint file do not match.`);
    }
    const byId = new Map(allNodes(engine.root).map((n) => [n.spec.id, n]));
    for (const el of childElements(doc.root)) {
      if (el.localName === 'Container') {
        const id = attr(el, 'DTS:ContID') ?? '';
        if (byId.has(id)) this.done.add(id);
      } else if (el.localName === 'Variable') {
        const owner = byId.get(attr(el, 'DTS:ContID') ?? '');
        const v = owner?.scope.own().find((x) => x.qualifiedName === attr(el, 'DTS:Name'));
        if (v) await v.set(textOf(el), { force: true });
      }
    }
  }

  /** True when a previous run completed this executable (it is skipped and reports success). */
  isDone(node: RunNode): boolean {
    return this.done.size > 0 && this.done.has(node.spec.id);
  }

  /** Records a completed executable and rewrites the file atomically. */
  async completed(engine: Engine, node: RunNode): Promise<void> {
    if (!this.settings.save || !this.settings.file || !recordable(node)) return;
    this.done.add(node.spec.id);
    this.write(engine);
  }

  /** After the run: success deletes the file; a failure leaves it for the restart. */
  async finish(engine: Engine, result: ExecResult): Promise<void> {
    if (!this.settings.file) return;
    if (result === 0) {
      if (this.settings.save || this.settings.usage !== 0) rmSync(this.settings.file, { force: true });
    } else if (this.settings.save && this.done.size > 0) {
      this.write(engine);
    }
  }

  private write(engine: Engine): void {
    const lines = [`<?xml version="1.0"?>`, `<DTS:Checkpoint xmlns:DTS="${NS}" DTS:PackageID="${escapeAttribute(engine.pkg.id)}">`];
    for (const n of allNodes(engine.root)) {
      for (const v of n.scope.own()) {
        if (v.namespace === 'System' || v.namespace.startsWith('$') || v.dataType === 13 || v.evaluateAsExpression) continue;
        const value = v.storedValue;
        const text = value instanceof SsisDateTime ? value.toString() : String(value ?? '');
        lines.push(`  <DTS:Variable DTS:ContID="${escapeAttribute(n.spec.id)}" DTS:Name="${escapeAttribute(v.qualifiedName)}" DTS:DataType="${v.dataType}">${escapeText(text, '\n')}</DTS:Variable>`);
      }
    }
    for (const id of this.done) lines.push(`  <DTS:Container DTS:ContID="${escapeAttribute(id)}" DTS:Result="0"/>`);
    lines.push('</DTS:Checkpoint>', '');
    const tmp = `${this.settings.file}.${process.pid}.tmp`;
    writeFileSync(tmp, lines.join('\n'));
    renameSync(tmp, this.settings.file);
  }
}
