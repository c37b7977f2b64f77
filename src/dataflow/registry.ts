/** @module Component plug-ins by class ID (canonical moniker and every alias). */
import type { ComponentFactory } from './component.ts';

/** A set of component plug-ins, looked up by class ID (case-insensitive; braces of GUIDs ignored). */
export class ComponentRegistry {
  readonly #byId = new Map<string, ComponentFactory>();

  constructor(factories: readonly ComponentFactory[] = []) {
    for (const f of factories) this.register(f);
  }

  /** Adds a plug-in under its class ID and aliases (a later registration replaces an earlier one). */
  register(factory: ComponentFactory): void {
    for (const id of [factory.classId, ...(factory.aliases ?? [])]) this.#byId.set(key(id), factory);
  }

  /** The plug-in for a class ID, if any. */
  find(classId: string): ComponentFactory | undefined {
    return this.#byId.get(key(classId));
  }
}

function key(id: string): string {
  return id.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
