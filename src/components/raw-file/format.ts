/** @module OpenDTS raw files: a header item (magic, columns with types and sort keys) followed by row blocks. SSIS's own raw format is undocumented, so only files written by OpenDTS are read. */
import { SsisError } from '../../errors.ts';
import { ItemReader } from '../shared/block-file.ts';

/** The magic value that starts every OpenDTS raw file. */
export const RAW_MAGIC = 'OPENDTS-RAW-1';

/** A column of a raw file. */
export interface RawColumn {
  readonly name: string;
  readonly dataType: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly codePage?: number;
  readonly sortKeyPosition?: number;
}

/** The header of a raw file. */
export interface RawHeader {
  readonly magic: typeof RAW_MAGIC;
  readonly columns: readonly RawColumn[];
}

/** Opens a raw file and reads its header; throws naming the file when it is not an OpenDTS raw file. */
export function openRawFile(path: string): { header: RawHeader; reader: ItemReader } {
  const reader = new ItemReader(path);
  let header: RawHeader | undefined;
  try {
    header = reader.next() as RawHeader | undefined;
  } catch {
    header = undefined;
  }
  if (!header || header.magic !== RAW_MAGIC) {
    reader.close();
    throw new SsisError('0xC02020A8', 'DTS_E_RAWFILECORRUPT', `The file "${path}" is not a raw file written by OpenDTS (the SSIS raw format is not documented; re-create the file with a Raw File Destination).`);
  }
  return { header, reader };
}
