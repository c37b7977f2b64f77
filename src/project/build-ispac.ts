/**
 * @module Building an .ispac from a 2012+ project-deployment `.dtproj` and the files beside it, as the designer's
 * build does: the manifest embedded in the project, `Project.params`, the packages and the connection managers.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outerXml, SSIS_NAMESPACE, firstChild } from '../xml/index.ts';
import { readDtproj } from './dtproj.ts';
import { writeIspac } from './ispac.ts';
import { projectError } from './project-error.ts';

/** Removes the indentation the embedded manifest had inside the `.dtproj`, so it reads as a file of its own. */
function dedent(xml: string, column: number): string {
  const pad = column - 1;
  if (pad <= 0) return xml;
  return xml.replace(/(\r?\n)([ \t]+)/g, (_m, nl: string, ws: string) => nl + ws.slice(Math.min(pad, ws.length)));
}

async function readMember(dir: string, name: string, dtproj: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(join(dir, name)));
  } catch {
    throw projectError(`the project lists "${name}", which is not in ${dir}`, dtproj);
  }
}

/**
 * The bytes of the .ispac for `dtprojPath` (project deployment model only). Files are taken from the project's folder.
 * Throws SsisError for a package-deployment project or a missing file.
 */
export async function buildIspacFromDtproj(dtprojPath: string, opts: { mtime?: Date } = {}): Promise<Uint8Array> {
  const fileName = basename(dtprojPath);
  const project = readDtproj(new Uint8Array(await readFile(dtprojPath)), fileName);
  const manifestHolder = firstChild(firstChild(project.xml.root, 'DeploymentModelSpecificContent') ?? project.xml.root, 'Manifest');
  const manifestEl = manifestHolder ? firstChild(manifestHolder, `{${SSIS_NAMESPACE}}Project`) : undefined;
  if (project.deploymentModel !== 'Project' || !project.manifest || !manifestEl) {
    throw projectError('this project uses the package deployment model, which has no .ispac (deploy its packages, or its deployment manifest)', fileName);
  }
  const dir = dirname(dtprojPath);
  const manifest = new Uint8Array(Buffer.from(dedent(outerXml(manifestEl, project.xml.lineEnding), manifestEl.column), 'utf8'));
  let parameters: Uint8Array | undefined;
  try {
    parameters = new Uint8Array(await readFile(join(dir, 'Project.params')));
  } catch {
    parameters = undefined;
  }
  const packages = await Promise.all(project.manifest.packages.map(async (p) => ({ name: p.name, data: await readMember(dir, p.name, fileName) })));
  const connectionManagers = await Promise.all(project.manifest.connectionManagers.map(async (name) => ({ name, data: await readMember(dir, name, fileName) })));
  return writeIspac({ manifest, ...(parameters ? { parameters } : {}), packages, connectionManagers, ...(opts.mtime ? { mtime: opts.mtime } : {}) });
}
