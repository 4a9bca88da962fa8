// pdfjs-dist inflates every Flate stream of 1 KB or more through the global DecompressionStream. In
// Node that is zlib on the thread pool behind web streams: each stream costs a round trip to the pool
// and a dozen stream objects, while the reading thread waits. On the 2020 edition that waiting and
// machinery cost pdfjs 300 ms of its 2.0 s (measured). SyncDecompressionStream decodes with zlib's
// synchronous functions instead and hands pdfjs the same bytes. When zlib fails, the read rejects as
// the native stream's does, and pdfjs then decodes the stream in JavaScript, as it always has.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

type Decode = (input: Uint8Array, options: ZlibOptions) => Buffer;

const DECODERS: Record<string, Decode> = { deflate: inflateSync, 'deflate-raw': inflateRawSync, gzip: gunzipSync, brotli: brotliDecompressSync };

/** Beyond this the read rejects (and pdfjs falls back to its own decoder): no PDF text stream comes near. */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

type ReadResult = { value: Uint8Array; done: false } | { value: undefined; done: true };

/**
 * The part of the web DecompressionStream that a reader of whole streams uses: write chunks, close,
 * then read (or iterate) the decoded bytes. Everything is decoded once the writer closes, in one
 * synchronous call.
 */
export class SyncDecompressionStream {
  readonly writable: { getWriter(): SyncWriter };
  readonly readable: { getReader(): SyncReader; [Symbol.asyncIterator](): AsyncIterator<Uint8Array> };

  constructor(format: string) {
    const decode = DECODERS[format];
    if (!decode) throw new TypeError(`DecompressionStream: '${format}' is not a supported compression format`);
    const chunks: Uint8Array[] = [];
    let markClosed!: () => void;
    const output = new Promise<void>((resolve) => (markClosed = resolve)).then(() => decodeChunks(decode, chunks));
    // A failure nobody reads must not become an unhandled rejection.
    output.catch(() => undefined);
    let closed = false;
    let delivered = false;

    const writer: SyncWriter = {
      ready: Promise.resolve(),
      write(chunk) {
        if (closed) return Promise.reject(new TypeError('DecompressionStream: write after close'));
        if (!ArrayBuffer.isView(chunk)) return Promise.reject(new TypeError('DecompressionStream: a chunk must be an ArrayBuffer view'));
        chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        return Promise.resolve();
      },
      close() {
        if (closed) return Promise.reject(new TypeError('DecompressionStream: closed twice'));
        closed = true;
        markClosed();
        return Promise.resolve();
      },
      releaseLock() {},
    };
    const read = async (): Promise<ReadResult> => {
      const value = await output;
      if (delivered || value.byteLength === 0) return { value: undefined, done: true };
      delivered = true;
      return { value, done: false };
    };
    const reader: SyncReader = { read, releaseLock() {}, cancel: () => Promise.resolve() };
    this.writable = { getWriter: () => writer };
    this.readable = {
      getReader: () => reader,
      [Symbol.asyncIterator]: () => ({ next: read }),
    };
  }
}

interface SyncWriter {
  readonly ready: Promise<void>;
  write(chunk: ArrayBufferView): Promise<void>;
  close(): Promise<void>;
  releaseLock(): void;
}

interface SyncReader {
  read(): Promise<ReadResult>;
  releaseLock(): void;
  cancel(): Promise<void>;
}

function decodeChunks(decode: Decode, chunks: readonly Uint8Array[]): Uint8Array {
  const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const decoded = decode(input, { maxOutputLength: MAX_DECODED_BYTES });
  // A plain Uint8Array over the Buffer's memory, as the web stream gives.
  return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
}

/**
 * Makes pdfjs-dist decode synchronously in this process, by putting SyncDecompressionStream in the
 * global DecompressionStream's place. For processes that only read PDFs (the CLI's workers): the
 * global is the process's, and the stand-in is not a full web stream.
 */
export function useSyncDecompression(): void {
  (globalThis as { DecompressionStream: unknown }).DecompressionStream = SyncDecompressionStream;
}
