/** @module The XPath subset the Foreach Nodelist enumerator needs: `/a/b`, `//b`, `*`, `@attr`, `text()`, and `[n]` / `[@a='v']` predicates. */
import { SsisError } from '../errors.ts';
import { parseXml, childElements, textOf, outerXml, attr, type XmlElement } from '../xml/index.ts';

/** A selected node: its outer XML and its text. */
export interface SelectedNode {
  readonly xml: string;
  readonly text: string;
}

type Step = { axis: 'child' | 'descendant'; test: string; predicate?: string };

function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /(\/\/|\/)?([^/[\]]+)(\[[^\]]*\])?/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null && m[0] !== '') {
    steps.push({ axis: m[1] === '//' ? 'descendant' : 'child', test: m[2]!.trim(), predicate: m[3]?.slice(1, -1).trim() });
  }
  if (re.lastIndex !== path.length && path.length > 0 && steps.length === 0) {
    throw new SsisError('0xC002F304', 'DTS_E_XPATHINVALID', `The XPath "${path}" is not supported: OpenDTS reads paths of element names, *, @attribute, text() and [n] or [@a='v'] predicates.`);
  }
  return steps;
}

function matches(el: XmlElement, test: string): boolean {
  return test === '*' || el.name === test || el.localName === test;
}

function descendantsOf(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(el)) out.push(c, ...descendantsOf(c));
  return out;
}

function filter(nodes: XmlElement[], predicate: string | undefined): XmlElement[] {
  if (!predicate) return nodes;
  if (/^\d+$/.test(predicate)) {
    const n = nodes[Number(predicate) - 1];
    return n ? [n] : [];
  }
  const m = /^@([\w:.-]+)\s*=\s*(['"])(.*)\2$/.exec(predicate);
  if (m) return nodes.filter((n) => attr(n, m[1]!) === m[3]);
  throw new SsisError('0xC002F304', 'DTS_E_XPATHINVALID', `The XPath predicate [${predicate}] is not supported by OpenDTS.`);
}

/** Evaluates an XPath against an XML text; selects elements, attributes (text only) or text(). */
export function selectNodes(xmlText: string, path: string): SelectedNode[] {
  const doc = parseXml(xmlText);
  // The document node's only child is the root: wrap it so `/root` works as a child step.
  const docNode = { type: 'element', name: '#document', localName: '#document', children: [doc.root] } as unknown as XmlElement;
  let current: XmlElement[] = [docNode];
  const steps = parsePath(path.trim());
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.test === 'text()' || step.test.startsWith('@')) {
      if (i !== steps.length - 1) throw new SsisError('0xC002F304', 'DTS_E_XPATHINVALID', `The XPath "${path}" is not supported: text() and @attribute must be last.`);
      const pool = step.axis === 'descendant' ? current.flatMap((c) => [c, ...descendantsOf(c)]) : current;
      if (step.test === 'text()') return pool.filter((p) => p !== docNode).map((p) => ({ xml: textOf(p), text: textOf(p) }));
      const name = step.test.slice(1);
      return pool.flatMap((p) => (p === docNode ? [] : attr(p, name) === undefined ? [] : [{ xml: attr(p, name)!, text: attr(p, name)! }]));
    }
    if (step.test === '.') continue;
    const next: XmlElement[] = [];
    for (const c of current) {
      const pool = step.axis === 'descendant' ? descendantsOf(c) : childElements(c);
      next.push(...filter(pool.filter((e) => matches(e, step.test)), step.predicate));
    }
    current = next;
  }
  return current.filter((c) => c !== docNode).map((el) => ({ xml: outerXml(el), text: textOf(el) }));
}
