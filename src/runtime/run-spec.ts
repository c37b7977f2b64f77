/** @module Runs a runtime spec in-process with the default expression host and database access, collecting its events: the simplest way to embed the engine. */
import { Engine, type RunOptions, type RunOutcome } from './engine.ts';
import type { RuntimeEvent } from './events.ts';
import { expressionHost } from './expr-host.ts';
import type { PackageSpec } from './model.ts';
import { databaseAccess } from './open-database.ts';

/** Runs `spec` once; `options` may replace any default. */
export async function runSpec(spec: PackageSpec, options: Partial<RunOptions> = {}): Promise<{ outcome: RunOutcome; events: RuntimeEvent[]; engine: Engine }> {
  const events: RuntimeEvent[] = [];
  const db = databaseAccess();
  const engine = new Engine(spec, {
    expressions: expressionHost(2014),
    openDatabase: db.open,
    checkDatabase: db.check,
    openConnection: db.connect,
    ...options,
    listeners: [{ listener: (e) => void events.push(e) }, ...(options.listeners ?? [])],
  });
  const outcome = await engine.run();
  return { outcome, events, engine };
}
