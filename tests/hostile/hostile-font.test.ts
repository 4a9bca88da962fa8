// CVE-2024-4367: pdfjs < 4.2.67 spliced a font's /FontMatrix into JavaScript it compiled with
// `new Function` to draw glyphs, so a PDF could run code. The payload here sets a global.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadDocument } from '../../src/load/load-document.ts';
import { buildSafeOptions } from '../../src/load/pdfjs-options.ts';
import { makeHostileFontPdf, PWNED_GLOBAL } from '../support/bad-pdfs.ts';

const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals[PWNED_GLOBAL];
});

describe('a font whose /FontMatrix carries JavaScript (CVE-2024-4367)', () => {
  it('reaches pdfjs as the two fonts of the page, whose matrices pdfjs keeps to numbers', async () => {
    const task = getDocument(buildSafeOptions(makeHostileFontPdf(), undefined));
    try {
      const page = await (await task.promise).getPage(1);
      await page.getOperatorList();
      const content = await page.getTextContent();
      const fonts = [...new Set(content.items.map((i) => ('fontName' in i ? i.fontName : '')))].map(
        (id) => page.commonObjs.get(id) as { name: string; type: string; fontMatrix: unknown[] },
      );
      // The payload font and the Type3 font were both parsed (not skipped before the matrix is read)…
      expect(fonts.map((f) => f.type).sort()).toEqual(['Type1', 'Type3']);
      // …and the string spliced into the matrix did not survive as one (the vulnerable pdfjs kept it).
      for (const font of fonts) expect(font.fontMatrix.every((v) => typeof v === 'number' && Number.isFinite(v)), font.name).toBe(true);
    } finally {
      await task.destroy();
    }
  });

  it('compiles no code while the PDF is loaded and rendered: no `new Function`, no `eval`', async () => {
    const compiled: string[] = [];
    const { Function: RealFunction, eval: realEval } = globalThis;
    globalThis.Function = new Proxy(RealFunction, {
      construct: (target, args: string[]) => (compiled.push(String(args.at(-1))), Reflect.construct(target, args)),
      apply: (target, self, args: string[]) => (compiled.push(String(args.at(-1))), Reflect.apply(target, self, args)),
    });
    globalThis.eval = (code: string) => (compiled.push(code), realEval(code));
    try {
      await loadDocument(makeHostileFontPdf(), { fileName: 'hostile-font.pdf' });
      await renderFirstPage();
    } finally {
      globalThis.Function = RealFunction;
      globalThis.eval = realEval;
    }
    expect(compiled).toEqual([]);
    expect(globals[PWNED_GLOBAL]).toBeUndefined();
  });

  it('is not executed when the PDF is loaded and its text read', async () => {
    const doc = await loadDocument(makeHostileFontPdf(), { fileName: 'hostile-font.pdf' });
    // The hostile fonts were used, not skipped: their text comes out.
    expect(doc.pages[0]!.items.map((i) => i.text).join('')).toBe('Hostile font sampleAB');
    expect(globals[PWNED_GLOBAL]).toBeUndefined();
  });

  it('is not executed when a page is rendered to a canvas with our options (the path the CVE used)', async () => {
    // Glyphs were drawn as paths, so the glyph code did run: the Type3 squares "AB" are ink.
    expect(await renderFirstPage()).toBeGreaterThan(100);
    expect(globals[PWNED_GLOBAL]).toBeUndefined();
  });

  it('reads the CMaps, standard fonts and wasm of the installed pdfjs-dist, from absolute paths', () => {
    const options = buildSafeOptions(new Uint8Array(), undefined);
    for (const dir of [options.cMapUrl, options.standardFontDataUrl, options.wasmUrl]) {
      expect(path.isAbsolute(dir)).toBe(true);
      expect(dir).toMatch(/pdfjs-dist[\\/][a-z_]+[\\/]$/);
      expect(existsSync(dir)).toBe(true);
    }
  });
});

/** Renders page 1 of the hostile PDF with our options; returns how many pixels got ink where "AB" is drawn. */
async function renderFirstPage(): Promise<number> {
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
    return context.getImageData(40, 140, 60, 30).data.filter((_, i) => i % 4 === 3 && _ > 0).length;
  } finally {
    await task.destroy();
  }
}
