// A worker opens untrusted PDFs and has no use for the network. pdfjs-dist reads the global Response
// once, when it is imported, to polyfill Response.prototype.bytes; in Node 24 that first read loads
// the whole fetch implementation (undici, worker_threads and some 60 internal modules), which cost
// each worker 40–50 ms before its first page (measured). This module must be the worker's first
// import: it puts in the global's place, before anything reads it, a Response and a fetch that
// refuse to work. (Assigning the global does not load what it replaces.)
const refusal = () => new Error('the fetch API is not available in an extraction worker: it reads local files only');

class ResponseUnavailable {
  constructor() {
    throw refusal();
  }

  bytes(): Promise<Uint8Array> {
    return Promise.reject(refusal());
  }
}

const global = globalThis as { Response: unknown; fetch: unknown };
global.Response = ResponseUnavailable;
global.fetch = () => Promise.reject(refusal());
