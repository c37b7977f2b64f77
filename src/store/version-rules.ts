/**
 * @module The rules between versions for stores: a tool reads instances of its own version or older
 * ones; it stores only into an instance of its own version (whose format it writes). So a newer
 * instance imports from older ones, nothing is exported to an older instance, and an older
 * instance neither imports from nor exports to a newer one.
 */
import { canTransfer, versionOfYear, type ToolYear } from '../versions/index.ts';
import { versionRuleError } from './errors.ts';

/** Refuses reading an instance newer than the tool. */
export function assertReadable(instance: { name: string; year: ToolYear }, tool: ToolYear): void {
  if (!canTransfer(versionOfYear(instance.year), versionOfYear(tool))) {
    throw versionRuleError(
      `Instance "${instance.name}" is a SQL Server ${instance.year} instance, newer than this SQL Server ${tool} tool: ` +
        `an older version neither imports from nor exports to a newer instance. Use the ${instance.year} tools.`,
    );
  }
}

/** Refuses storing into an instance of another version than the tool's (an older one: export refused; a newer one: the older tool cannot write its format). */
export function assertWritable(instance: { name: string; year: ToolYear }, tool: ToolYear): void {
  const inst = versionOfYear(instance.year);
  const t = versionOfYear(tool);
  if (!canTransfer(t, inst)) {
    throw versionRuleError(
      `Cannot store the package in instance "${instance.name}": it is a SQL Server ${instance.year} instance, older than this SQL Server ${tool} tool, ` +
        `and packages are never exported to an older instance (its tools could not load format ${t.packageFormat}).`,
    );
  }
  if (!canTransfer(inst, t)) assertReadable(instance, tool);
}

/** Refuses moving packages from an instance (or file) of version `from` into an instance of version `to` when `to` is older. */
export function assertTransfer(from: { name: string; year: ToolYear }, to: { name: string; year: ToolYear }): void {
  if (!canTransfer(versionOfYear(from.year), versionOfYear(to.year))) {
    throw versionRuleError(
      `Cannot copy or move a package from "${from.name}" (SQL Server ${from.year}) to "${to.name}" (SQL Server ${to.year}): ` +
        `packages are never exported to an older instance.`,
    );
  }
}
