// CVE-2024-4367: pdfjs < 4.2.67 spliced a font's /FontMatrix into JavaScript it compiled with
// `new Function` to draw glyphs, so a PDF could run code. The payload here sets a global.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadDocument } from '../../src/load/load-document.ts';
import { buildSafeOptions } from '../../src/load/pdfjs-options.ts';
import { FONT_MATRIX_PAYLOAD, makeHostileFontPdf, PWNED_GLOBAL } from '../support/bad-pdfs.ts';

const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals[PWNED_GLOBAL];
});

describe('a font whose /FontMatrix carries JavaScript (CVE-2024-4367)', () => {
  it('has a live payload: spliced into glyph code as the vulnerable pdfjs did, it runs', () => {
    // The string as the PDF parser returns it (escapes resolved), in the code shape of pdfjs 4.1.
    const matrix = [0.001, 0, 0, 0.001, 0, FONT_MATRIX_PAYLOAD.replace(/\\(.)/g, '$1')];
    const glyphCode = `c.save();\nc.transform(${matrix.join(',')});\nc.restore();`;
    new Function('c', 'size', glyphCode)({ save() {}, transform() {}, restore() {} }, 10);
    expect(globals[PWNED_GLOBAL]).toBe(true);
  });

  it('is not executed when the PDF is loaded and its text read', async () => {
    const doc = await loadDocument(makeHostileFontPdf(), { fileName: 'hostile-font.pdf' });
    // The hostile fonts were used, not skipped: their text comes out.
    expect(doc.pages[0]!.items.map((i) => i.text).join('')).toBe('Hostile font sampleAB');
    expect(globals[PWNED_GLOBAL]).toBeUndefined();
  });

  it('is not executed when a page is rendered to a canvas with our options (the path the CVE used)', async () => {
    const task = getDocument(buildSafeOptions(makeHostileFontPdf(), undefined));
    try {
      const doc = await task.promise;
      const page = await doc.getPage(1);
      const viewport = page.getViewport({ scale: 1 });
      const factory = doc.canvasFactory as {
        create: (w: number, h: number) => { canvas: unknown; context: { getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray } } };
      };
      const { canvas, context } = factory.create(viewport.width, viewport.height);
      await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
      // Glyphs were drawn as paths, so the glyph code did run: the Type3 squares "AB" are ink.
      const ink = context.getImageData(40, 140, 60, 30).data.filter((_, i) => i % 4 === 3 && _ > 0).length;
      expect(ink).toBeGreaterThan(100);
    } finally {
      await task.destroy();
    }
    expect(globals[PWNED_GLOBAL]).toBeUndefined();
  });

  it('meets options that leave no room for it', () => {
    const options = buildSafeOptions(new Uint8Array(), undefined);
    expect(options.isEvalSupported).toBe(false);
    expect(options.disableFontFace).toBe(true);
    expect(options.useSystemFonts).toBe(false);
    expect(options.useWorkerFetch).toBe(false);
    expect(options.enableXfa).toBe(false);
    expect(options.maxImageSize).toBeGreaterThanOrEqual(0);
    for (const dir of [options.cMapUrl, options.standardFontDataUrl, options.wasmUrl]) {
      expect(path.isAbsolute(dir)).toBe(true);
      expect(dir).toMatch(/pdfjs-dist[\\/][a-z_]+[\\/]$/);
      expect(existsSync(dir)).toBe(true);
    }
  });
});
