/** @module Finding the sensitive values of packages and project files, and the values only Windows can decrypt. */
import { attr, childElements, descendants, firstChild, insertBefore, removeChild, textOf, type XmlDocument, type XmlElement, DTS_NAMESPACE, SSIS_NAMESPACE } from '../xml/index.ts';
import { isUserKeyBlob } from './xml-encryption.ts';

const DTS = (local: string) => `{${DTS_NAMESPACE}}${local}`;
const SSIS = (local: string) => `{${SSIS_NAMESPACE}}${local}`;

/** True when an element is marked sensitive (`Sensitive="1"`, as SSIS marks passwords and task secrets). */
export function isMarkedSensitive(el: XmlElement): boolean {
  return attr(el, '{}Sensitive') === '1' || attr(el, SSIS('Sensitive')) === '1';
}

/**
 * True when `el` holds a value encrypted with a Windows user key: `Encrypted="1"` (packages), or a sensitive value
 * whose text is a DPAPI blob (project files). It cannot be decrypted on this machine and must be treated as missing.
 */
export function sensitiveValueUnavailable(el: XmlElement): boolean {
  if (attr(el, '{}Encrypted') === '1') return true;
  return isMarkedSensitive(el) && el.children.length === 1 && el.children[0].type === 'text' && isUserKeyBlob(el.children[0].value);
}

function isParameterValue(el: XmlElement): boolean {
  return el.namespaceUri === DTS_NAMESPACE && el.localName === 'Property' && attr(el, DTS('Name')) === 'ParameterValue';
}

/**
 * The value element of a sensitive 2012+ package parameter (`DTS:Property DTS:Name="ParameterValue"`). Encrypted
 * with a user key, SSIS wraps the value in a second ParameterValue property (the inner one carries `Encrypted="1"`):
 * the inner one is the value then.
 */
function sensitivePackageParameterValues(root: XmlElement): XmlElement[] {
  return descendants(root, DTS('PackageParameter'))
    .filter((p) => attr(p, DTS('Sensitive'))?.toLowerCase() === 'true')
    .flatMap((p) => childElements(p, DTS('Property')).filter(isParameterValue))
    .map((v) => {
      const inner = childElements(v);
      return inner.length === 1 && isParameterValue(inner[0]) ? inner[0] : v;
    });
}

/**
 * Takes a parameter value out of the ParameterValue wrapper of the user-key form (see above), so that it sits
 * directly in its `DTS:PackageParameter` as a value in clear does. Other elements are left alone.
 */
export function unwrapParameterValue(el: XmlElement): void {
  const shell = el.parent;
  const host = shell?.parent;
  if (!shell || !host || !isParameterValue(el) || !isParameterValue(shell) || host.namespaceUri !== DTS_NAMESPACE || host.localName !== 'PackageParameter') return;
  insertBefore(host, el, shell);
  removeChild(host, shell);
}

/** The `Value` property of sensitive parameters in `.params` files and project manifests. */
function sensitiveProjectParameterValues(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const p of descendants(root, SSIS('Parameter'))) {
    const props = firstChild(p, SSIS('Properties'));
    if (!props) continue;
    const byName = new Map(childElements(props, SSIS('Property')).map((e) => [attr(e, SSIS('Name')), e] as const));
    const flag = byName.get('Sensitive');
    const value = byName.get('Value');
    if (flag && value && textOf(flag).trim() === '1') out.push(value);
  }
  return out;
}

/** Every element holding a sensitive value, in document order, without duplicates. */
export function sensitiveElements(doc: XmlDocument): XmlElement[] {
  const marked = descendants(doc.root).filter(isMarkedSensitive);
  const seen = new Set<XmlElement>(marked);
  const extra = [...sensitivePackageParameterValues(doc.root), ...sensitiveProjectParameterValues(doc.root)].filter((e) => !seen.has(e));
  if (extra.length === 0) return marked;
  const all = new Set([...marked, ...extra]);
  return descendants(doc.root).filter((e) => all.has(e));
}
