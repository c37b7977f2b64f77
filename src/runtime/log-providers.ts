/** @module Log providers: the text file and XML file providers writing the package's selected events; others are refused with a warning. */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import type { ListenerRegistration } from './engine.ts';
import type { RuntimeEvent } from './events.ts';
import type { ContainerSpec, ExecutableSpec, LoggingSpec, PackageSpec } from './model.ts';

/** The kind of provider a creation name or ProgID names (versioned spellings and 2014 monikers alike). */
export function providerKind(creationName: string): 'text' | 'xml' | 'sql' | 'other' {
  const n = creationName.toLowerCase();
  if (n.includes('textfile')) return 'text';
  if (n.includes('xmlfile')) return 'xml';
  if (n.includes('sqlserver') && !n.includes('profiler')) return 'sql';
  if (n.includes('{0a039101') || n.includes('{59b2c6a5')) return 'text';
  if (n.includes('{440945a4') || n.includes('{afed6884')) return 'xml';
  return 'other';
}

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

function csv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const TEXT_HEADER = '#Fields: event,computer,operator,source,sourceid,executionid,starttime,endtime,datacode,databytes,message';

/** A text-file log provider appending to `file` (the header is written to a new file). */
export function textFileLogger(file: string, executionId: () => string, events?: ReadonlySet<string>): ListenerRegistration {
  const computer = hostname();
  const op = operator();
  return {
    events,
    listener: (e: RuntimeEvent) => {
      if (!existsSync(file)) writeFileSync(file, TEXT_HEADER + '\r\n');
      const t = e.time.toLocaleString('en-US');
      const line = [e.event, computer, op, e.sourceName, e.sourceId, executionId(), t, t, String(e.dataCode ?? 0), '0x', e.message].map(csv).join(',');
      appendFileSync(file, line + '\r\n');
    },
  };
}

const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XML-file log provider: one `<record>` per entry inside `<dtslog>`, rewritten at each entry so the file stays well-formed. */
export function xmlFileLogger(file: string, executionId: () => string, events?: ReadonlySet<string>): ListenerRegistration {
  const computer = hostname();
  const op = operator();
  const records: string[] = [];
  return {
    events,
    listener: (e: RuntimeEvent) => {
      const t = e.time.toISOString();
      records.push(
        `<record><event>${xmlEscape(e.event)}</event><message>${xmlEscape(e.message)}</message><computer>${xmlEscape(computer)}</computer><operator>${xmlEscape(op)}</operator><source>${xmlEscape(e.sourceName)}</source><sourceid>${xmlEscape(e.sourceId)}</sourceid><executionid>${xmlEscape(executionId())}</executionid><starttime>${t}</starttime><endtime>${t}</endtime><datacode>${e.dataCode ?? 0}</datacode><databytes>0x</databytes></record>`,
      );
      writeFileSync(file, `<?xml version="1.0"?>\r\n<dtslog>\r\n${records.join('\r\n')}\r\n</dtslog>\r\n`);
    },
  };
}

/**
 * Which entries a package's log provider receives: each executable's logging options (LoggingMode
 * Enabled with its selected providers and events, Disabled, or UseParentSetting inheriting its
 * container's), PackageStart and PackageEnd always. An empty provider or event selection means all.
 */
export function logFilter(pkg: PackageSpec, providerId: string): (e: RuntimeEvent) => boolean {
  const effective = new Map<string, LoggingSpec | undefined>();
  const visit = (spec: ExecutableSpec, inherited: LoggingSpec | undefined): void => {
    const own = spec.logging && spec.logging.mode !== 0 ? spec.logging : inherited;
    effective.set(spec.id, own);
    for (const h of spec.eventHandlers) visit(h, own);
    for (const c of (spec as ContainerSpec).executables ?? []) visit(c, own);
  };
  visit(pkg, pkg.logging && pkg.logging.mode !== 0 ? pkg.logging : { mode: 1, providers: [], events: [] });
  const id = providerId.toLowerCase();
  return (e) => {
    if (e.event === 'PackageStart' || e.event === 'PackageEnd') return true;
    const l = effective.get(e.sourceId) ?? effective.get(pkg.id);
    if (!l || l.mode === 2) return false;
    if (l.providers.length > 0 && !l.providers.some((p) => p.toLowerCase() === id)) return false;
    return l.events.length === 0 || l.events.some((x) => x.toLowerCase() === e.event.toLowerCase());
  };
}
