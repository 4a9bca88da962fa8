// The synchronous stand-in for DecompressionStream gives pdfjs-dist what the native stream gives:
// the same bytes, a rejected read where the native one rejects, and the same pages read.
import { readFile } from 'node:fs/promises';
import { createDeflate, deflateRawSync, deflateSync, brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { MAX_DECODED_BYTES, SyncDecompressionStream, useSyncDecompression } from '../../src/load/sync-decompression.ts';

const Native = globalThis.DecompressionStream;
afterEach(() => {
  globalThis.DecompressionStream = Native;
});

/** Reads a stream the way pdfjs-dist does: write without waiting, close, then read chunk after chunk. */
async function readLikePdfjs(Stream: unknown, format: string, chunks: Uint8Array[]): Promise<{ bytes: Buffer } | { error: string }> {
  const { readable, writable } = new (Stream as new (format: string) => DecompressionStream)(format);
  const writer = writable.getWriter();
  for (const chunk of chunks) writer.write(chunk as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = readable.getReader();
  const out: Uint8Array[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      out.push(value);
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { bytes: Buffer.concat(out) };
}

// A content stream as the catalogue's pages have them.
const content = Buffer.from('BT /F1 9 Tf 56.7 712.3 Td (PRÉSENTATION DU PROJET) Tj 0 -11 Td (Pactes régionaux) Tj ET\n'.repeat(120));
const deflated = deflateSync(content);

/** `gives`: the bytes read, or null where the read is refused. */
const cases: { name: string; format: string; chunks: Uint8Array[]; gives: Buffer | null }[] = [
  { name: 'a Flate stream', format: 'deflate', chunks: [deflated], gives: content },
  { name: 'a Flate stream written in three chunks', format: 'deflate', chunks: [deflated.subarray(0, 2), deflated.subarray(2, 40), deflated.subarray(40)], gives: content },
  { name: 'an empty Flate stream', format: 'deflate', chunks: [deflateSync(Buffer.alloc(0))], gives: Buffer.alloc(0) },
  { name: 'a raw deflate stream', format: 'deflate-raw', chunks: [deflateRawSync(content)], gives: content },
  { name: 'a gzip stream', format: 'gzip', chunks: [gzipSync(content)], gives: content },
  { name: 'a Brotli stream', format: 'brotli', chunks: [brotliCompressSync(content)], gives: content },
  { name: 'a truncated stream', format: 'deflate', chunks: [deflated.subarray(0, deflated.length - 30)], gives: null },
  { name: 'a stream without its checksum', format: 'deflate', chunks: [deflated.subarray(0, deflated.length - 4)], gives: null },
  { name: 'a corrupt stream', format: 'deflate', chunks: [Buffer.concat([deflated.subarray(0, 30), Buffer.alloc(20, 0xff), deflated.subarray(50)])], gives: null },
  { name: 'no bytes at all', format: 'deflate', chunks: [new Uint8Array(0)], gives: null },
];

/** What a read gave, as one comparable string: the bytes in hex, or 'refused'. */
const outcome = (result: { bytes: Buffer } | { error: string }) => ('bytes' in result ? result.bytes.toString('hex') : 'refused');

describe('SyncDecompressionStream', () => {
  it.each(cases)('reads $name as the native DecompressionStream does', async ({ format, chunks, gives }) => {
    const expected = gives === null ? 'refused' : gives.toString('hex');
    expect(outcome(await readLikePdfjs(Native, format, chunks))).toBe(expected);
    expect(outcome(await readLikePdfjs(SyncDecompressionStream, format, chunks))).toBe(expected);
  });

  it('gives the bytes before trailing junk, which the native stream refuses (pdfjs then decodes the same bytes itself)', async () => {
    const chunks = [Buffer.concat([deflated, Buffer.from('\r\nendstream junk')])];
    expect(outcome(await readLikePdfjs(Native, 'deflate', chunks))).toBe('refused');
    expect(outcome(await readLikePdfjs(SyncDecompressionStream, 'deflate', chunks))).toBe(content.toString('hex'));
  });

  it('refuses an unknown format when constructed, as the native one does', () => {
    expect(() => new Native('zstd' as CompressionFormat)).toThrow(TypeError);
    expect(() => new SyncDecompressionStream('zstd')).toThrow(TypeError);
  });

  it('answers a read started before the writer closes with the whole stream', async () => {
    const { readable, writable } = new SyncDecompressionStream('deflate');
    const reading = readable.getReader().read();
    const writer = writable.getWriter();
    await writer.write(deflated.subarray(0, 10));
    await writer.write(deflated.subarray(10));
    await writer.close();
    const first = await reading;
    expect(first.done).toBe(false);
    expect(Buffer.from(first.value!).equals(content)).toBe(true);
    expect(await readable.getReader().read()).toEqual({ value: undefined, done: true });
  });

  it('can be iterated with for await, and refuses writes after close', async () => {
    const { readable, writable } = new SyncDecompressionStream('gzip');
    const writer = writable.getWriter();
    await writer.write(gzipSync(content));
    await writer.close();
    await expect(writer.write(new Uint8Array(1))).rejects.toThrow(TypeError);
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
  });

  it(`rejects a stream that decodes to more than ${MAX_DECODED_BYTES / 2 ** 20} MiB (pdfjs then falls back to its own decoder)`, async () => {
    // Zeros, deflated a MiB at a time: some 300 KB that would inflate past the limit.
    const deflater = createDeflate();
    const compressed: Buffer[] = [];
    deflater.on('data', (chunk: Buffer) => compressed.push(chunk));
    const ended = new Promise((resolve) => deflater.on('end', resolve));
    const zeros = Buffer.alloc(2 ** 20);
    for (let written = 0; written <= MAX_DECODED_BYTES; written += zeros.length) deflater.write(zeros);
    deflater.end();
    await ended;
    const result = await readLikePdfjs(SyncDecompressionStream, 'deflate', [Buffer.concat(compressed)]);
    expect(result).toEqual({ error: expect.stringMatching(/Buffer larger than/) });
  }, 30_000);
});

describe('pdfjs-dist with synchronous decompression', () => {
  it('reads a card page for page and item for item as with the native stream, and goes through the stand-in', async () => {
    const data = new Uint8Array(await readFile(new URL('../../fixtures/card-12-hotellerie-range-budget/input.pdf', import.meta.url)));
    const native = await loadDocument(data, { fileName: 'input.pdf' });
    let constructed = 0;
    useSyncDecompression();
    const Installed = globalThis.DecompressionStream as unknown as typeof SyncDecompressionStream;
    expect(Installed).toBe(SyncDecompressionStream);
    globalThis.DecompressionStream = class extends SyncDecompressionStream {
      constructor(format: string) {
        super(format);
        constructed++;
      }
    } as unknown as typeof DecompressionStream;
    const sync = await loadDocument(data, { fileName: 'input.pdf' });
    expect(constructed).toBeGreaterThan(0);
    expect(sync).toEqual(native);
    expect(native.pages.reduce((n, p) => n + p.items.length, 0)).toBeGreaterThan(100);
  });
});
