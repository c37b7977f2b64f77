/** @module Reading and writing the ZIP members of an .ispac (yauzl / yazl), as buffers. */
import yauzl from 'yauzl';
import yazl from 'yazl';

/** One member of a ZIP file. */
export interface ZipMember {
  /** The name as stored in the archive. */
  readonly entryName: string;
  readonly data: Uint8Array;
}

function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Every file member of a ZIP archive, in archive order (directories skipped). Rejects with yauzl's error for a bad archive. */
export function readZip(bytes: Uint8Array): Promise<ZipMember[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(err ?? new Error('cannot open the archive'));
        return;
      }
      const members: ZipMember[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(members));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            reject(e ?? new Error(`cannot read ${entry.fileName}`));
            return;
          }
          readStream(stream).then((data) => {
            members.push({ entryName: entry.fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.length) });
            zip.readEntry();
          }, reject);
        });
      });
      zip.readEntry();
    });
  });
}

/** A ZIP archive (deflated members) of `members`, in order, with a fixed timestamp when `mtime` is given. */
export function writeZip(members: readonly ZipMember[], mtime?: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const m of members) zip.addBuffer(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.length), m.entryName, mtime ? { mtime } : {});
  zip.end();
  return readStream(zip.outputStream).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.length));
}
