/**
 * @module Reads the package-level facts msdb keeps in its own columns (name, DTSID, description,
 * version numbers, format, protection level) straight from the `.dtsx` bytes, without loading the package.
 */
import { SsisError } from '../errors.ts';

/** What `sysssispackages` stores next to the package bytes. */
export interface PackageHeader {
  /** `PackageFormatVersion` (2, 3, 6 or 8). */
  readonly formatVersion: number;
  readonly objectName: string;
  /** The package GUID (`DTSID`), uppercase without braces. */
  readonly id: string;
  readonly description: string;
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly versionBuild: number;
  readonly versionComments: string;
  /** `VersionGUID`, uppercase without braces. */
  readonly versionGuid: string;
  /** `ProtectionLevel` (0–5); 1 (EncryptSensitiveWithUserKey) when the package omits it, as the 2012 format does for the default. */
  readonly protectionLevel: number;
  /** `PackageType` (DTSPackageType); 0 when absent. */
  readonly packageType: number;
}

/** The text of a package file: UTF-16 with a byte-order mark, else UTF-8 (a UTF-8 BOM is dropped). */
export function decodePackageText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

/** Markup tokens: comments, CDATA, PIs and DOCTYPE are skipped; tags keep quoted attribute values whole. */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) out.set(localName(m[1]!), decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

function notAPackage(fileName: string | undefined, why: string): SsisError {
  return new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${fileName ? `"${fileName}" ` : 'The data '}is not a package: ${why}`, {
    ...(fileName ? { location: { file: fileName } } : {}),
  });
}

/** Uppercase GUID without braces; empty when absent. */
export function bareGuid(text: string | undefined): string {
  return (text ?? '').trim().replace(/^\{|\}$/g, '').toUpperCase();
}

/**
 * Reads the package header: the root `DTS:Executable`'s attributes (2012 formats) and its direct
 * `DTS:Property` children (2005/2008 formats, and `PackageFormatVersion` in every format).
 */
export function readPackageHeader(bytes: Uint8Array, fileName?: string): PackageHeader {
  const text = decodePackageText(bytes);
  const props = new Map<string, string>();
  let depth = 0;
  let rootSeen = false;
  let propName: string | undefined;
  let propText = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (depth === 2 && propName !== undefined) propText += decodeEntities(text.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
    const qname = m[3];
    if (qname === undefined) continue;
    const closing = m[2] === '/';
    const selfClosing = m[5] === '/';
    if (closing) {
      if (depth === 2 && propName !== undefined) {
        props.set(propName, propText);
        propName = undefined;
      }
      depth--;
      if (depth === 0) break;
      continue;
    }
    if (depth === 0) {
      if (rootSeen) break;
      rootSeen = true;
      if (localName(qname) !== 'Executable') throw notAPackage(fileName, `its root element is <${qname}>, not <DTS:Executable>.`);
      for (const [k, v] of attributes(m[4] ?? '')) props.set(k, v);
    } else if (depth === 1 && localName(qname) === 'Property') {
      const name = attributes(m[4] ?? '').get('Name');
      if (name !== undefined && !props.has(name)) {
        if (selfClosing) props.set(name, '');
        else {
          propName = name;
          propText = '';
        }
      }
    }
    if (!selfClosing) depth++;
  }
  if (!rootSeen) throw notAPackage(fileName, 'it holds no XML element.');
  const format = Number(props.get('PackageFormatVersion'));
  if (!Number.isInteger(format)) throw notAPackage(fileName, 'it has no PackageFormatVersion property.');
  const int = (name: string, fallback: number) => {
    const v = Number.parseInt(props.get(name) ?? '', 10);
    return Number.isFinite(v) ? v : fallback;
  };
  return {
    formatVersion: format,
    objectName: props.get('ObjectName') ?? '',
    id: bareGuid(props.get('DTSID')),
    description: props.get('Description') ?? '',
    versionMajor: int('VersionMajor', 1),
    versionMinor: int('VersionMinor', 0),
    versionBuild: int('VersionBuild', 0),
    versionComments: props.get('VersionComments') ?? '',
    versionGuid: bareGuid(props.get('VersionGUID')),
    protectionLevel: int('ProtectionLevel', 1),
    packageType: int('PackageType', 0),
  };
}
