/** @module Character Map (`Microsoft.CharacterMap`): lower/upper case, byte reversal, half/full width, hiragana/katakana, in place or into new columns. */
import type { ComponentFactory } from '../../dataflow/component.ts';
import { disposition, RowErrors, ROW_ERROR } from '../../dataflow/error-rows.ts';
import type { ComponentModel } from '../../dataflow/model.ts';
import { createColumnVector } from '../../types/index.ts';
import { lineageRef } from '../shared/lineage-ref.ts';
import { intProp, textProp } from '../shared/properties.ts';
import { ConvertingStore } from '../shared/store-converted.ts';

/** MapFlags bits (Win32 LCMAP_* values; SSIS's documentation lists small integers, the property is the bitmask [unverified]). */
export const MAP = { lower: 0x100, upper: 0x200, byteReversal: 0x800, hiragana: 0x100000, katakana: 0x200000, halfWidth: 0x400000, fullWidth: 0x800000, linguistic: 0x1000000, simplifiedChinese: 0x2000000, traditionalChinese: 0x4000000 } as const;

const SUPPORTED = MAP.lower | MAP.upper | MAP.byteReversal | MAP.hiragana | MAP.katakana | MAP.halfWidth | MAP.fullWidth | MAP.linguistic;

/** Applies the mapping flags to a string. */
export function mapCharacters(s: string, flags: number): string {
  let out = s;
  if (flags & MAP.lower) out = out.toLowerCase();
  if (flags & MAP.upper) out = out.toUpperCase();
  if (flags & MAP.fullWidth) out = out.replace(/[\u0021-\u007e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
  if (flags & MAP.halfWidth) out = out.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  if (flags & MAP.katakana) out = out.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  if (flags & MAP.hiragana) out = out.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  if (flags & MAP.byteReversal) out = [...out].map((c) => String.fromCharCode(((c.charCodeAt(0) & 0xff) << 8) | (c.charCodeAt(0) >> 8))).join('');
  return out;
}

interface Mapping {
  readonly sourceLineage: string;
  readonly targetLineage: string;
  readonly name: string;
  readonly flags: number;
  readonly errorDisposition: ReturnType<typeof disposition>;
  readonly truncationDisposition: ReturnType<typeof disposition>;
}

function mappings(m: ComponentModel): Mapping[] {
  const input = m.inputs[0]?.columns ?? [];
  const inPlace = input.filter((c) => c.usageType === 'readWrite' && textProp(c, 'MapFlags')).map((c) => ({
    sourceLineage: c.lineageId, targetLineage: c.lineageId, name: c.name, flags: intProp(c, 'MapFlags', 0),
    errorDisposition: disposition(c.errorRowDisposition), truncationDisposition: disposition(c.truncationRowDisposition),
  }));
  const out = m.outputs.find((o) => !o.isErrorOut)?.columns ?? [];
  const added = out.map((c) => {
    const ref = lineageRef(textProp(c, 'InputColumnLineageId'));
    const src = input.find((i) => i.lineageId === ref || i.refId === ref);
    return { sourceLineage: src?.lineageId ?? ref ?? '', targetLineage: c.lineageId, name: c.name, flags: intProp(c, 'MapFlags', 0), errorDisposition: disposition(c.errorRowDisposition), truncationDisposition: disposition(c.truncationRowDisposition) };
  });
  return [...inPlace, ...added];
}

/** The Character Map plug-in. */
export const characterMap: ComponentFactory = {
  classId: 'Microsoft.CharacterMap',
  aliases: ['DTSTransform.CharacterMap', 'DTSTransform.CharacterMap.2', 'DTSTransform.CharacterMap.3', 'C86C867A-7D40-486A-8734-F0B6943A9DD4'],
  validate(m, v) {
    return mappings(m)
      .filter((x) => (x.flags & ~SUPPORTED) !== 0)
      .map((x) => v.error('0xC0048021', 'DTS_E_MAPFLAGSNOTSUPPORTED', `the mapping of "${x.name}" uses flags 0x${x.flags.toString(16)}; Simplified/Traditional Chinese conversion is not supported by OpenDTS.`));
  },
  create(host) {
    const layout = host.inputLayout(0);
    const output = host.component.outputs.findIndex((o) => !o.isErrorOut);
    const outLayout = host.outputLayout(output);
    const errors = new RowErrors(host, host.component.outputs.findIndex((o) => o.isErrorOut));
    const items = mappings(host.component).map((x) => {
      const src = layout.columns[layout.slotOf(x.sourceLineage)!]!;
      const dst = outLayout.columns[outLayout.slotOf(x.targetLineage)!]!;
      return { x, src, dst, store: new ConvertingStore({ type: 'DT_WSTR', length: 0 }, dst.type) };
    });
    return {
      async process(_input, batch) {
        errors.reset();
        const results = items.map((it) => {
          const from = batch.column(it.src.slot);
          const out = createColumnVector(it.dst.type, batch.length);
          for (let k = 0; k < batch.count; k++) {
            const row = batch.row(k);
            if (from.nulls[row] === 1) continue;
            const outcome = it.store.store(out, row, mapCharacters(String((from.values as unknown[])[row]), it.x.flags));
            if (outcome !== 'ok') {
              errors.handle(batch, row, outcome, outcome === 'error' ? it.x.errorDisposition : it.x.truncationDisposition, outcome === 'error' ? ROW_ERROR.conversion : ROW_ERROR.truncation, it.src, `The mapped value of "${it.x.name}" does not fit the column.`);
            }
          }
          return out;
        });
        items.forEach((it, j) => (batch.vectors[it.dst.slot] = results[j]!));
        await errors.send(batch, output);
      },
    };
  },
};
