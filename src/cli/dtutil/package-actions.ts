/** @module dtutil's package actions: /COPY, /MOVE, /DELETE, /EXISTS, /IDRegenerate, /ENCRYPT (and /SIGN, which says it is not supported). */
import { SsisError } from '../../errors.ts';
import { notFoundError } from '../../store/index.ts';
import type { DtutilAction, DtutilCommand } from './command.ts';
import { confirm, MESSAGES } from './console.ts';
import {
  checkLoads,
  deleteEndpoint,
  endpointExists,
  intoDirectory,
  packageNameOf,
  readEndpoint,
  resolveEndpoint,
  sameEndpoint,
  writeEndpoint,
  type DtutilContext,
  type Endpoint,
} from './endpoints.ts';
import { DtutilFailure, EXIT } from './failure.ts';
import { regenerateId } from './regenerate-id.ts';
import { reprotect } from './reprotect.ts';

function notSupported(feature: string): DtutilFailure {
  return new DtutilFailure(EXIT.failure, new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${feature} is not supported yet by OpenDTS.`));
}

async function readSource(ctx: DtutilContext, src: Endpoint): Promise<Uint8Array> {
  const bytes = await readEndpoint(ctx, src);
  if (bytes === undefined) throw new DtutilFailure(EXIT.notFound, notFoundError(`The package "${src.label}" could not be found.`));
  return bytes;
}

/** Writes to `dest`, asking before overwriting unless /Quiet; false when the user said no. */
async function writeAsked(ctx: DtutilContext, cmd: DtutilCommand, dest: Endpoint, bytes: Uint8Array): Promise<boolean> {
  if (!cmd.quiet && (await endpointExists(ctx, dest)) && !(await confirm(ctx.io, MESSAGES.overwrite(`The package "${dest.label}"`)))) return false;
  const r = await writeEndpoint(ctx, dest, bytes, { overwrite: true, password: cmd.decrypt });
  if (r.upgradedFrom !== undefined) ctx.io.out(`The package was upgraded from format ${r.upgradedFrom} to the format of SQL Server ${dest.kind === 'SQL' ? dest.ref.year : ctx.year}.`);
  return true;
}

/** Runs a package action; returns the exit code. */
export async function runPackageAction(ctx: DtutilContext, cmd: DtutilCommand, action: DtutilAction): Promise<number> {
  const source = cmd.source!;
  const src = resolveEndpoint(ctx, source.kind, source.path, cmd.sourceServer, { user: cmd.sourceUser, password: cmd.sourcePassword });
  switch (action.kind) {
    case 'EXISTS': {
      const exists = await endpointExists(ctx, src);
      ctx.io.out(exists ? MESSAGES.packageExists : MESSAGES.packageMissing);
      return exists ? EXIT.success : EXIT.failure;
    }
    case 'DELETE': {
      if (!(await deleteEndpoint(ctx, src))) throw new DtutilFailure(EXIT.notFound, notFoundError(`The package "${src.label}" could not be found.`));
      ctx.io.out(MESSAGES.success);
      return EXIT.success;
    }
    case 'IDREGENERATE': {
      const bytes = await readSource(ctx, src);
      await checkLoads(ctx, bytes, src.label, cmd.decrypt);
      await writeEndpoint(ctx, src, regenerateId(bytes, src.label).bytes, { overwrite: true, password: cmd.decrypt });
      ctx.io.out(MESSAGES.success);
      return EXIT.success;
    }
    case 'COPY':
    case 'MOVE': {
      let bytes = await readSource(ctx, src);
      await checkLoads(ctx, bytes, src.label, cmd.decrypt);
      const dest = intoDirectory(resolveEndpoint(ctx, action.dest, action.path, cmd.destServer, { user: cmd.destUser, password: cmd.destPassword }), packageNameOf(src));
      if (sameEndpoint(src, dest)) {
        throw new DtutilFailure(EXIT.failure, new SsisError('0xC0010014', 'DTS_E_GENERICERROR', 'The source and the destination are the same package.'));
      }
      if (cmd.idRegenerate) bytes = regenerateId(bytes, src.label).bytes;
      if (!(await writeAsked(ctx, cmd, dest, bytes))) {
        ctx.io.out(MESSAGES.canceled);
        return EXIT.failure;
      }
      if (action.kind === 'MOVE') await deleteEndpoint(ctx, src);
      ctx.io.out(MESSAGES.success);
      return EXIT.success;
    }
    case 'ENCRYPT': {
      // /ENCRYPT saves the package through the runtime, so it is written in the tool's format (SSIS behaviour from memory).
      const bytes = await checkLoads(ctx, await readSource(ctx, src), src.label, cmd.decrypt, true);
      const dest = resolveEndpoint(ctx, action.dest, action.path, cmd.destServer, { user: cmd.destUser, password: cmd.destPassword });
      let protectedBytes: Uint8Array;
      try {
        protectedBytes = reprotect(cmd.idRegenerate ? regenerateId(bytes, src.label).bytes : bytes, {
          level: action.level,
          password: action.password,
          decrypt: cmd.decrypt,
          fileName: src.label,
          toSql: dest.kind === 'SQL',
        });
      } catch (error) {
        throw new DtutilFailure(EXIT.failure, error);
      }
      const same = sameEndpoint(src, dest);
      if (!same && !cmd.quiet && (await endpointExists(ctx, dest)) && !(await confirm(ctx.io, MESSAGES.overwrite(`The package "${dest.label}"`)))) {
        ctx.io.out(MESSAGES.canceled);
        return EXIT.failure;
      }
      await writeEndpoint(ctx, dest, protectedBytes, { overwrite: true, password: action.password });
      ctx.io.out(MESSAGES.success);
      return EXIT.success;
    }
    case 'SIGN':
      throw notSupported('/SIGN (signing packages with a certificate)');
    default:
      throw notSupported(`/${action.kind}`);
  }
}
