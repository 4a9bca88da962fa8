// Browser side, part 1: unpacks the embedded dataset, pdf.js build and edition PDF. Nothing is fetched:
// every byte comes from the page's own <script type="text/plain"> elements (gzip + base64, or base64).

/** @param {string} id */
function embeddedText(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page lacks its embedded #${id}`);
  return element.textContent.trim();
}

/** @param {string} text */
function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** @param {Uint8Array} bytes */
async function gunzipText(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** An ES module from source text, through a blob: URL (allowed from file:// pages, unlike module workers). */
async function importModule(source) {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function loadPdfjs() {
  const unpack = async (id) => importModule(await gunzipText(decodeBase64(embeddedText(id))));
  // With globalThis.pdfjsWorker set, pdf.js runs its worker on this thread ("fake worker"):
  // a module Worker cannot be started from a file:// page.
  globalThis.pdfjsWorker = await unpack('pdfjs-worker');
  return unpack('pdfjs-lib');
}

/** @param {any} pdfjsLib */
async function openEmbeddedPdf(pdfjsLib) {
  const data = decodeBase64(embeddedText('pdf-data'));
  const task = pdfjsLib.getDocument({
    data,
    // pdf.js 6 no longer evaluates font code at all; older builds need this, and the page's CSP forbids eval anyway.
    isEvalSupported: false,
    enableXfa: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  return task.promise;
}
