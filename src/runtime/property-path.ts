/** @module SSIS property paths (`\Package.Variables[User::V].Value`, `\Package\Seq\Task.Properties[X]`, `\Package.Connections[C].Properties[ConnectionString]`) as `/Set` and configurations use them. */
import { SsisError } from '../errors.ts';
import type { Engine } from './engine.ts';
import type { RunNode } from './run-node.ts';

/** SSIS property names (as `/Set` and configurations write them) of the executable settings the runtime keeps as fields. */
const SPEC_FIELDS: Readonly<Record<string, string>> = {
  maxerrorcount: 'maximumErrorCount', maximumerrorcount: 'maximumErrorCount', disable: 'disabled', disabled: 'disabled',
  delayvalidation: 'delayValidation', failpackageonfailure: 'failPackageOnFailure', failparentonfailure: 'failParentOnFailure',
  forceexecutionresult: 'forceExecutionResult', transactionoption: 'transactionOption', disableeventhandlers: 'disableEventHandlers',
  maxconcurrentexecutables: 'maxConcurrentExecutables', checkpointfilename: 'checkpointFileName', checkpointusage: 'checkpointUsage',
  savecheckpoints: 'saveCheckpoints',
};
const NUMERIC_FIELDS = new Set(['maximumErrorCount', 'forceExecutionResult', 'transactionOption', 'maxConcurrentExecutables', 'checkpointUsage']);
const BOOLEAN_FIELDS = new Set(['disabled', 'delayValidation', 'failPackageOnFailure', 'failParentOnFailure', 'disableEventHandlers', 'saveCheckpoints']);

/** DTS_W_PACKAGEPATHNOTFOUND: dtexec's message for a path that names nothing. */
export function pathNotFound(path: string): SsisError {
  return new SsisError('0x80012017', 'DTS_W_PACKAGEPATHNOTFOUND', `The package path referenced an object that cannot be found: "${path}". This occurs when an attempt is made to resolve a package path to an object that cannot be found.`);
}

/** A parsed property path: the executable names below the package, then the collection member and property. */
export interface PropertyPath {
  readonly containers: readonly string[];
  readonly collection: 'Variables' | 'Connections' | 'Properties' | 'Self';
  readonly member: string;
  readonly property: string;
}

/** Parses a property path; throws DTS_W_PACKAGEPATHNOTFOUND when it is malformed. */
export function parsePropertyPath(path: string): PropertyPath {
  const m = /^\\package((?:\\[^.\\]+)*)(?:\.(variables|connections|properties)\[([^\]]+)\](?:\.(?:properties\[([^\]]+)\]|(\w+)))?)?$/i.exec(path.trim());
  if (!m) throw pathNotFound(path);
  const containers = (m[1] ?? '').split('\\').filter(Boolean);
  const coll = (m[2] ?? '').toLowerCase();
  if (!coll) throw pathNotFound(path);
  if (coll === 'properties') return { containers, collection: 'Properties', member: '', property: m[3]! };
  return { containers, collection: coll === 'variables' ? 'Variables' : 'Connections', member: m[3]!, property: m[4] ?? m[5] ?? 'Value' };
}

function findNode(engine: Engine, names: readonly string[], path: string): RunNode {
  let node = engine.root;
  for (const name of names) {
    const next = node.spec.kind === 'task' ? undefined : node.children().find((c) => c.spec.name.toLowerCase() === name.toLowerCase());
    if (!next) throw pathNotFound(path);
    node = next;
  }
  return node;
}

/** Sets the value a property path names (variables are converted to their type; read-only ones may be set). */
export async function setPropertyPath(engine: Engine, path: string, value: string): Promise<void> {
  const p = parsePropertyPath(path);
  const node = findNode(engine, p.containers, path);
  if (p.collection === 'Variables') {
    const v = node.scope.find(p.member);
    if (!v || !/^value$/i.test(p.property)) throw pathNotFound(path);
    await v.set(value, { force: true });
    return;
  }
  if (p.collection === 'Connections') {
    const c = engine.pkg.connections.find((x) => x.name.toLowerCase() === p.member.toLowerCase() || x.id.toLowerCase() === p.member.toLowerCase());
    if (!c) throw pathNotFound(path);
    if (/^connectionstring$/i.test(p.property)) c.connectionString = value;
    else c.properties[p.property] = value;
    return;
  }
  node.properties[p.property] = value;
  const spec = node.spec as unknown as Record<string, unknown>;
  const wanted = SPEC_FIELDS[p.property.toLowerCase()] ?? p.property.toLowerCase();
  const key = Object.keys(spec).find((k) => k.toLowerCase() === wanted.toLowerCase()) ?? (SPEC_FIELDS[p.property.toLowerCase()] ? wanted : undefined);
  if (key && typeof spec[key] !== 'object') spec[key] = NUMERIC_FIELDS.has(key) || typeof spec[key] === 'number' ? Number(value) : BOOLEAN_FIELDS.has(key) || typeof spec[key] === 'boolean' ? /^(true|-1|1)$/i.test(value) : value;
  const settings = (node.spec as { settings?: Record<string, unknown> }).settings;
  const skey = settings && Object.keys(settings).find((k) => k.toLowerCase() === p.property.toLowerCase());
  if (settings && skey) settings[skey] = value;
}
