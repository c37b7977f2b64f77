/** @module A package's page in the console: the inspect summary with secrets removed, and its diagrams. */
import { createHash } from 'node:crypto';
import { readPackage } from '../format/index.ts';
import { allVariables, summarizePackage, type PackageSummary } from '../package/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { packageDiagrams, type Diagram } from './diagram.ts';
import { HIDDEN, hideSecrets } from './secrets.ts';

/** What the package page shows. */
export interface PackageDetails {
  readonly path: string;
  readonly summary: PackageSummary;
  readonly diagrams: Diagram[];
}

let implemented: Promise<Set<string>> | undefined;

/** The component classes OpenDTS implements, in every spelling (loaded once). */
function implementedComponents(): Promise<Set<string>> {
  implemented ??= import('../components/index.ts').then(({ builtinComponents }) => new Set(builtinComponents.flatMap((c) => [c.classId, ...(c.aliases ?? [])])));
  return implemented;
}

const CACHE_SIZE = 64;
const cache = new Map<string, PackageDetails>();

/**
 * The details of package bytes as the service's version loads them; sensitive values and passwords never
 * appear. The last {@link CACHE_SIZE} answers are kept by path and content hash.
 */
export async function packageDetails(dtsPath: string, bytes: Uint8Array, year: ToolYear, password?: string): Promise<PackageDetails> {
  const hash = createHash('sha256').update(bytes);
  if (password !== undefined) hash.update('\0').update(password);
  const key = `${year}\0${dtsPath}\0${password !== undefined}\0${hash.digest('hex')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const details = await computeDetails(dtsPath, bytes, year, password);
  cache.set(key, details);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return details;
}

async function computeDetails(dtsPath: string, bytes: Uint8Array, year: ToolYear, password: string | undefined): Promise<PackageDetails> {
  const pkg = readPackage(bytes, { fileName: dtsPath.split('\\').pop(), tool: year, ...(password !== undefined ? { password } : {}) });
  const available = await implementedComponents();
  const summary = summarizePackage(pkg, { componentAvailable: (c) => available.has(c) });
  const sensitiveVars = new Set(allVariables(pkg).filter((v) => v.sensitive).map((v) => v.refId));
  for (const v of summary.variables) if (sensitiveVars.has(v.refId)) v.value = HIDDEN;
  for (const p of summary.parameters) if (p.sensitive && p.value !== null) p.value = HIDDEN;
  for (const cm of summary.connectionManagers) if (cm.connectionString !== null) cm.connectionString = hideSecrets(cm.connectionString);
  return { path: dtsPath, summary, diagrams: packageDiagrams(summary, pkg) };
}
