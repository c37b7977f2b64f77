/** @module Reading a property of a connection manager's XML in both serializations: `DTS:Name="…"` attributes (2012+) and `<DTS:Property DTS:Name="…">` children (2005/2008). */
import { attr, childElements, textOf, type XmlElement } from '../../xml/index.ts';

/** The value of a property of an element, in either form; undefined when absent. */
export function elementProperty(el: XmlElement, name: string): string | undefined {
  const a = attr(el, `DTS:${name}`) ?? attr(el, name);
  if (a !== undefined) return a;
  const p = childElements(el).find((c) => c.localName === 'Property' && (attr(c, 'DTS:Name') ?? attr(c, 'Name')) === name);
  return p ? textOf(p) : undefined;
}

/** True when the property is stored encrypted (its value is then not usable). */
export function isEncryptedProperty(el: XmlElement, name: string): boolean {
  const p = childElements(el).find((c) => c.localName === 'Property' && (attr(c, 'DTS:Name') ?? attr(c, 'Name')) === name);
  return p !== undefined && /^(1|true|-1)$/i.test(attr(p, 'Encrypted') ?? attr(p, 'DTS:Encrypted') ?? '');
}

/** The first descendant element (depth-first) with a local name, e.g. `FtpConnection` under `ObjectData`. */
export function findElement(el: XmlElement, localName: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.localName === localName) return c;
    const deeper = findElement(c, localName);
    if (deeper) return deeper;
  }
  return undefined;
}

/** SSIS Booleans as written: True/False (2012+), -1/0 (2005/2008), 1. */
export function ssisBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  return /^(true|-1|1|yes)$/i.test(value.trim());
}

/** An integer property, or the fallback when absent or not a number. */
export function ssisInteger(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}
