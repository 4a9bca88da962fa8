import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const asDirUrl = (dir: string) => pathToFileURL(path.join(pdfjsRoot, dir) + path.sep).href;

/**
 * Options that make pdfjs-dist safe on untrusted input under Node: no eval of font programs
 * (CVE-2024-4367), no font faces loaded into the process, no system fonts, no fetching:
 * standard fonts and CMaps come from the installed package, and images are bounded.
 */
export function buildSafeOptions(data: Uint8Array, password: string | undefined) {
  return {
    data,
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    maxImageSize: 16_000_000,
    // Font names (for weight and style) are only exported with the extra properties.
    fontExtraProperties: true,
    cMapUrl: asDirUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asDirUrl('standard_fonts'),
    wasmUrl: asDirUrl('wasm'),
    iccUrl: asDirUrl('iccs'),
    verbosity: 0,
  };
}
