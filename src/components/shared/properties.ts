/** @module Reading custom properties of components, inputs, outputs and columns as typed values. */

type Owner = { readonly properties?: Readonly<Record<string, string>> };

/** A property as written, or undefined. */
export function textProp(owner: Owner, name: string): string | undefined {
  return owner.properties?.[name];
}

/** An integer property (`0`, `-1`, `2147483647`), or the fallback when absent or not a number. */
export function intProp(owner: Owner, name: string, fallback: number): number {
  const v = owner.properties?.[name];
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** A Boolean property (`true`, `True`, `-1`, `1`), or the fallback when absent. */
export function boolProp(owner: Owner, name: string, fallback: boolean): boolean {
  const v = owner.properties?.[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return fallback;
  return v === 'true' || v === '-1' || v === '1';
}
