/** @module Foreach Loop enumerators: File, Item, ADO, From Variable, Nodelist; the ADO.NET schema rowset enumerator is refused clearly. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SsisError } from '../errors.ts';
import type { Engine } from './engine.ts';
import type { EnumeratorSpec } from './model.ts';
import { Recordset } from './recordset.ts';
import type { RunNode } from './run-node.ts';
import { selectNodes } from './xpath.ts';
import { querySchemaRowset } from '../connections/schema-rowsets.ts';

/** Turns a wildcard file spec (`*.csv`, `data?.txt`) into a case-insensitive pattern. */
export function fileSpecPattern(spec: string): RegExp {
  const body = spec.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function* listFiles(folder: string, pattern: RegExp, recurse: boolean): Generator<string> {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(folder, e.name);
    if (e.isFile() && pattern.test(e.name)) yield full;
  }
  if (recurse) for (const e of entries) if (e.isDirectory()) yield* listFiles(join(folder, e.name), pattern, recurse);
}

function notSupported(what: string): SsisError {
  return new SsisError('0xC001F00A', 'DTS_E_FOREACHENUMERATORNOTSUPPORTED', `The ${what} is not supported yet by OpenDTS.`);
}

/** The items an enumerator produces, one per loop pass (arrays for enumerators with columns). */
export async function* enumerate(engine: Engine, node: RunNode, spec: EnumeratorSpec): AsyncGenerator<unknown> {
  const props = node.properties;
  switch (spec.kind) {
    case 'file': {
      // Property expressions on the enumerator (Directory, FileSpec) are applied before each enumeration.
      const folderText = String(props['Directory'] ?? props['Folder'] ?? spec.folder);
      const fileSpec = String(props['FileSpec'] ?? spec.fileSpec ?? '*.*');
      const folder = engine.options.mapPath ? engine.options.mapPath(folderText) : folderText;
      let isDir = false;
      try {
        isDir = statSync(folder).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) {
        await engine.raiseWarning(node, '0x8001C004', `The For Each File enumerator is empty. The For Each File enumerator did not find any files that matched the file pattern, or the specified directory "${folder}" was empty.`);
        return;
      }
      const pattern = fileSpecPattern(fileSpec === '*.*' ? '*' : fileSpec);
      let any = false;
      for (const file of listFiles(folder, pattern, spec.recurse)) {
        any = true;
        yield spec.retrieve === 0 ? file : spec.retrieve === 1 ? basename(file) : basename(file, extname(file));
      }
      if (!any) {
        await engine.raiseWarning(node, '0x8001C004', 'The For Each File enumerator is empty. The For Each File enumerator did not find any files that matched the file pattern, or the specified directory was empty.');
      }
      return;
    }
    case 'item':
      for (const row of spec.rows) yield [...row];
      return;
    case 'ado': {
      const value = node.scope.get(spec.variable).value;
      const sets = value instanceof Recordset ? [value] : Array.isArray(value) && value.every((v) => v instanceof Recordset) ? (value as Recordset[]) : undefined;
      if (!sets) {
        throw new SsisError('0xC001C012', 'DTS_E_FEEADOVARIABLENOTRECORDSET', `The variable "${spec.variable}" of the Foreach ADO enumerator does not hold a recordset (a full result set or a Recordset destination's rows).`);
      }
      if (spec.mode === 0) {
        for (const s of sets) yield [s];
        return;
      }
      for (const s of spec.mode === 2 ? sets.slice(0, 1) : sets) for (const row of s.rows) yield row;
      return;
    }
    case 'variable': {
      const value = node.scope.get(spec.variable).value;
      if (value instanceof Recordset) {
        for (const row of value.rows) yield row;
      } else if (value !== null && typeof value === 'object' && Symbol.iterator in value) {
        for (const item of value as Iterable<unknown>) yield item;
      } else {
        throw new SsisError('0xC001C013', 'DTS_E_FEEVARIABLENOTENUMERABLE', `The variable "${spec.variable}" of the Foreach From Variable enumerator does not hold an enumerable object.`);
      }
      return;
    }
    case 'nodelist': {
      const text = (type: number, value: string): string => {
        if (type === 0) return readFileSync(engine.connectionPath(value), 'utf8');
        if (type === 1) return String(node.scope.get(value).value);
        return value;
      };
      const doc = text(spec.sourceType, spec.source);
      const outer = text(spec.outerXPathSourceType, spec.outerXPath);
      const nodes = selectNodes(doc, outer);
      for (const n of nodes) {
        if (spec.enumerationType === 3) {
          const inner = text(spec.innerXPathSourceType ?? 2, spec.innerXPath ?? '');
          for (const i of selectNodes(n.xml, inner)) yield spec.innerElementType === 2 ? i.text : i.xml;
        } else {
          yield spec.enumerationType === 2 ? n.text : n.xml;
        }
      }
      return;
    }
    case 'schemaRowset': {
      const open = engine.options.openConnection;
      if (!open) throw notSupported(`Foreach ADO.NET Schema Rowset enumerator (schema "${spec.schema}" on connection "${spec.connection}")`);
      const conn = await open(engine.connection(spec.connection));
      try {
        const rowset = await querySchemaRowset(conn, spec.schema);
        for (const row of rowset.rows) yield row;
      } finally {
        await conn.close();
      }
      return;
    }
    case 'unsupported':
      throw notSupported(`Foreach enumerator "${spec.name}"`);
  }
}
