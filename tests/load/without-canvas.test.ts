// pdfjs-dist is loaded without its native canvas: text is read as before, and drawing fails clearly.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A fresh process: in this one pdfjs-dist may already be loaded by another test file.
const probe = `
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
const { loadDocument } = await import(${JSON.stringify(path.join(root, 'src/load/load-document.ts'))});
const data = new Uint8Array(await readFile(${JSON.stringify(path.join(root, 'fixtures/card-12-hotellerie-range-budget/input.pdf'))}));
const doc = await loadDocument(data, { fileName: 'input.pdf' });
const required = Object.keys(createRequire(import.meta.url).cache);
let drawing = 'no error';
try { new globalThis.DOMMatrix(); } catch (error) { drawing = error.message; }
console.log(JSON.stringify({
  pages: doc.pages.length,
  items: doc.pages.reduce((n, p) => n + p.items.length, 0),
  bold: doc.pages.some((p) => p.items.some((i) => i.bold)),
  nativeCanvas: required.filter((f) => f.includes('@napi-rs')),
  stub: required.filter((f) => f.endsWith('canvas-stub.cjs')).length,
  drawing,
}));
`;

function runProbe(): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', probe], { cwd: root }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      // pdfjs prints "Warning: Cannot polyfill …" when the stub is missing: none may appear.
      if (stderr.trim() !== '' || stdout.includes('Warning')) return reject(new Error(`unexpected output: ${stdout}${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>);
    });
  });
}

describe('pdfjs-dist without a canvas', () => {
  it('reads a card without loading @napi-rs/canvas, and refuses to draw', async () => {
    const result = await runProbe();
    expect(result).toMatchObject({ pages: 2, bold: true, nativeCanvas: [], stub: 1 });
    expect(result.items).toBeGreaterThan(100);
    expect(result.drawing).toMatch(/reads text only.*cannot render/);
  }, 30_000);
});
