// A worker loads pdfjs-dist without the fetch API: text is read as before, undici is never loaded,
// and Response and fetch refuse clearly.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const moduleUrl = (file: string) => JSON.stringify(path.join(root, file));

// A fresh process: this one has loaded the fetch API already. The same probe runs with and without
// the worker's module, to show what the module changes. undici is looked for right after the load,
// before the probe itself calls Response and fetch.
const probe = (withoutFetch: boolean) => `
${withoutFetch ? `await import(${moduleUrl('src/cli/without-fetch.ts')});` : ''}
import { readFile } from 'node:fs/promises';
const { loadDocument } = await import(${moduleUrl('src/load/load-document.ts')});
const data = new Uint8Array(await readFile(${moduleUrl('fixtures/card-12-hotellerie-range-budget/input.pdf')}));
const doc = await loadDocument(data, { fileName: 'input.pdf' });
const undici = process.moduleLoadList.some((m) => m.includes('undici'));
let response = 'no error';
try { new Response('x'); } catch (error) { response = error.message; }
let fetched = 'no error';
await fetch('data:,x').catch((error) => { fetched = error.message; });
const items = doc.pages.reduce((n, p) => n + p.items.length, 0);
console.log(JSON.stringify({ pages: doc.pages.length, items, undici, response, fetched }));
`;

function runProbe(withoutFetch: boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', probe(withoutFetch)], { cwd: root }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>);
    });
  });
}

describe('the worker without the fetch API', () => {
  it('reads a card without loading undici, and refuses Response and fetch', async () => {
    const result = await runProbe(true);
    expect(result).toMatchObject({ pages: 2, undici: false });
    expect(result.items).toBeGreaterThan(100);
    expect(result.response).toMatch(/fetch API is not available in an extraction worker/);
    expect(result.fetched).toMatch(/fetch API is not available in an extraction worker/);
  }, 30_000);

  it('is what keeps undici out: without it, the same probe loads undici', async () => {
    const result = await runProbe(false);
    expect(result).toMatchObject({ pages: 2, undici: true, response: 'no error', fetched: 'no error' });
  }, 30_000);
});
