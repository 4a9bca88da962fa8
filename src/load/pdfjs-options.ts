import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
// Plain directory paths, not file:// URLs: under Node pdfjs reads these with fs.readFile, which
// takes a string as a path (a "file:///…" string fails, and the data is then silently missing).
const packageDir = (dir: string) => path.join(pdfjsRoot, dir) + path.sep;

/**
 * Options that make pdfjs-dist safe on untrusted input under Node: no eval of font programs
 * (CVE-2024-4367), no font faces loaded into the process, no system fonts, no fetching:
 * standard fonts and CMaps are read from the installed package, and no image is decoded.
 */
export function buildSafeOptions(data: Uint8Array, password: string | undefined) {
  return {
    data,
    password,
    // pdfjs 6 has no eval path left and ignores this; kept so an older pdfjs can never turn it on.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // The worker never fetches: it asks this thread, which reads the package directories below.
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    // The pipeline reads text only: any image bigger than this (in pixels) is skipped, not decoded,
    // which keeps image decoders (and their memory) away from hostile input.
    maxImageSize: 0,
    // Font names (for weight and style) are only exported with the extra properties.
    fontExtraProperties: true,
    cMapUrl: packageDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: packageDir('standard_fonts'),
    wasmUrl: packageDir('wasm'),
    // Unused while useWorkerFetch is false (ICC colour needs the wasm module fetched by the worker).
    iccUrl: packageDir('iccs'),
    verbosity: 0,
  };
}
