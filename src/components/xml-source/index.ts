/**
 * @module XML Source (`Microsoft.XmlSourceAdapter`): each output is a rowset of the elements named by its RowsetID;
 * columns come from attributes or child elements of the same name, `<name>_Id` columns are generated keys linking
 * nested rowsets. The XSD (XMLSchemaDefinition / inline schema) is not read: the output columns the package declares
 * are the schema.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { ComponentFactory, ComponentHost } from '../../dataflow/component.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import { SsisError } from '../../errors.ts';
import { childElements, parseXml, textOf, attr, type XmlElement } from '../../xml/index.ts';
import { ConvertingStore } from '../shared/store-converted.ts';
import { intProp, textProp } from '../shared/properties.ts';

/** The XML text: AccessMode 0 file (XMLData), 1 file from variable (XMLDataVariable), 2 XML data from variable. */
function xmlText(host: ComponentHost): string {
  const m = host.component;
  const mode = intProp(m, 'AccessMode', 0);
  if (mode === 2) return String(host.context.variables.get(textProp(m, 'XMLDataVariable') ?? ''));
  const raw = mode === 1 ? String(host.context.variables.get(textProp(m, 'XMLDataVariable') ?? '')) : textProp(m, 'XMLData') ?? '';
  if (/^https?:/i.test(raw)) throw host.error('0xC02090D0', 'DTS_E_XMLSRCURLNOTSUPPORTED', `reading XML from a URL ("${raw}") is not supported by OpenDTS; download the file first.`);
  const path = host.context.mapPath ? host.context.mapPath(raw) : raw;
  if (!existsSync(path)) throw host.error('0xC020200E', 'DTS_E_CANNOTOPENDATAFILE', `Cannot open the XML file "${path}".`);
  return readFileSync(path, 'utf8');
}

/** Every element of the document in document order, with its parent. */
function walk(root: XmlElement, visit: (el: XmlElement) => void): void {
  visit(root);
  for (const c of childElements(root)) walk(c, visit);
}

/** The XML Source plug-in. */
export const xmlSource: ComponentFactory = {
  classId: 'Microsoft.XmlSourceAdapter',
  aliases: ['Microsoft.SqlServer.Dts.Pipeline.XmlSourceAdapter'],
  create(host) {
    const m = host.component;
    return {
      async produce() {
        let doc;
        try {
          doc = parseXml(xmlText(host));
        } catch (e) {
          if (e instanceof SsisError && e.symbol.startsWith('DTS_E_XMLSRC')) throw e;
          throw host.error('0xC02090D1', 'DTS_E_XMLSRCPARSEERROR', `the XML data cannot be read: ${e instanceof Error ? e.message : String(e)}`);
        }
        // Generated keys: elements numbered per name in document order (SSIS's exact numbering is not documented; we start at 1).
        const ids = new Map<XmlElement, number>();
        const counters = new Map<string, number>();
        const byName = new Map<string, XmlElement[]>();
        walk(doc.root, (el) => {
          const n = (counters.get(el.localName) ?? 0) + 1;
          counters.set(el.localName, n);
          ids.set(el, n);
          let list = byName.get(el.localName);
          if (!list) byName.set(el.localName, (list = []));
          list.push(el);
        });
        for (let o = 0; o < m.outputs.length; o++) {
          const out = m.outputs[o]!;
          if (out.isErrorOut) continue;
          const rowset = textProp(out, 'RowsetID') || out.name;
          const elements = byName.get(rowset) ?? [];
          if (elements.length === 0) continue;
          const layout = host.outputLayout(o);
          const errorOutput = m.outputs.findIndex((x) => x.isErrorOut && x.name === `${out.name} Error Output`);
          const errors = new RowErrors(host, errorOutput);
          const batch = host.newBatch(o, elements.length);
          for (const c of out.columns) {
            const lc = layout.columns[layout.slotOf(c.lineageId)!]!;
            const col = batch.vectors[lc.slot]!;
            const store = new ConvertingStore({ type: 'DT_WSTR', length: 0 }, lc.type);
            const idOf = /^(.*)_Id$/.exec(c.name)?.[1];
            elements.forEach((el, r) => {
              let text: string | undefined;
              let key: number | undefined;
              if (idOf !== undefined) {
                for (let p: XmlElement | null = el; p; p = p.parent) {
                  if (p.localName === idOf) {
                    key = ids.get(p);
                    break;
                  }
                }
              }
              if (key !== undefined) {
                store.store(col, r, String(key));
                return;
              }
              text = attr(el, c.name);
              if (text === undefined) {
                const child = childElements(el).find((x) => x.localName === c.name);
                text = child ? textOf(child) : undefined;
              }
              if (text === undefined) return;
              const outcome = store.store(col, r, text);
              if (outcome !== 'ok') {
                const isError = outcome === 'error';
                errors.handle(batch, r, outcome, disposition(isError ? c.errorRowDisposition : c.truncationRowDisposition), isError ? ROW_ERROR.conversion : ROW_ERROR.truncation, lc, `The value of "${c.name}" in element "${rowset}" ${isError ? 'cannot be converted' : 'was truncated'}.`, text);
              }
            });
          }
          await errors.send(batch, o);
        }
      },
    };
  },
};
