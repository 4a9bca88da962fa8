import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReviewCli } from '../../src/cli/review.ts';
import { InputError } from '../../src/model/errors.ts';
import { buildReviewHtml, packText } from '../../src/review/build-review-html.ts';
import { sourcePdfCandidates } from '../../src/review/find-source-pdf.ts';
import { reviewPathFor, writeReviewPage } from '../../src/review/write-review-page.ts';
import { buildSampleDataset, SAMPLE_PDF } from './sample-dataset.ts';

/** The text content of <script id="…"> in the page. */
function embedded(html: string, id: string): string {
  const m = new RegExp(`<script type="[^"]+" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no #${id} in the page`);
  return m[1]!;
}

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('buildReviewHtml', () => {
  let html = '';
  let pdf: Buffer;
  const dataset = buildSampleDataset();
  // A value that would end the <script> element early if it were not escaped.
  dataset.cards[1]!.extras.push({ heading: 'Trap', text: '</script><script>alert(1)</script>' });

  beforeAll(async () => {
    pdf = await readFile(SAMPLE_PDF);
    html = await buildReviewHtml(dataset, pdf);
  });

  it('embeds the dataset intact, even text that looks like a closing script tag', () => {
    const data = gunzipSync(Buffer.from(embedded(html, 'review-data'), 'base64')).toString('utf8');
    expect(JSON.parse(data)).toEqual({ dataset, fields: expect.arrayContaining(['titleOnCard', 'budget']) });
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    expect(packText('</script>')).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('embeds the PDF bytes and both pdf.js builds, so nothing has to be fetched', () => {
    expect(Buffer.from(embedded(html, 'pdf-data'), 'base64').equals(pdf)).toBe(true);
    for (const id of ['pdfjs-lib', 'pdfjs-worker']) {
      const packed = Buffer.from(embedded(html, id), 'base64');
      expect([...packed.subarray(0, 2)], id).toEqual([0x1f, 0x8b]); // gzip
    }
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:;/);
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/\ssrc=/);
  });

  it('is the same bytes for the same input and stays near the PDF size plus 0.7 MB', async () => {
    expect(await buildReviewHtml(dataset, pdf)).toBe(html);
    const overhead = Buffer.byteLength(html) - Math.ceil(pdf.length / 3) * 4;
    expect(overhead).toBeGreaterThan(500_000);
    expect(overhead).toBeLessThan(800_000);
  });
});

describe('writeReviewPage', () => {
  let dir = '';
  const dataset = buildSampleDataset();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pactes-review-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the page after the dataset', () => {
    expect(reviewPathFor(path.join('output', 'edition.json'))).toBe(path.join('output', 'edition.review.html'));
  });

  it('finds the PDF in input/ and writes <name>.review.html next to the dataset', async () => {
    const datasetPath = path.join(dir, 'edition.json');
    await writeFile(datasetPath, JSON.stringify(dataset));
    const result = await writeReviewPage(datasetPath);
    expect(result).toEqual({ outPath: path.join(dir, 'edition.review.html'), pdfPath: SAMPLE_PDF, bytes: expect.any(Number), cards: 3 });
    expect((await readFile(result.outPath)).length).toBe(result.bytes);
  });

  it('prefers the PDF next to the dataset', async () => {
    const sub = path.join(dir, 'beside');
    await mkdir(sub);
    const datasetPath = path.join(sub, 'edition.json');
    await writeFile(datasetPath, JSON.stringify(dataset));
    await copyFile(SAMPLE_PDF, path.join(sub, dataset.source.file));
    expect(sourcePdfCandidates(datasetPath, dataset.source.file)[0]).toBe(path.join(sub, dataset.source.file));
    expect((await writeReviewPage(datasetPath)).pdfPath).toBe(path.join(sub, dataset.source.file));
  });

  it('refuses a PDF that is not the dataset\'s source, a missing --pdf, and a file that is not a dataset', async () => {
    const datasetPath = path.join(dir, 'edition.json');
    const other = path.join(dir, 'other.pdf');
    await writeFile(other, '%PDF-1.4 not the same file');
    await expect(writeReviewPage(datasetPath, { pdfPath: other })).rejects.toThrow(/differs from the dataset's source/);
    await expect(writeReviewPage(datasetPath, { pdfPath: path.join(dir, 'nowhere.pdf') })).rejects.toBeInstanceOf(InputError);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...dataset, schemaVersion: '0.0.1' }));
    await expect(writeReviewPage(bad)).rejects.toThrow(/not a dataset of this schema \(schemaVersion: /);
  });

  it('runs from the command line with the exit codes it documents', async () => {
    const datasetPath = path.join(dir, 'edition.json');
    const out = capture();
    const err = capture();
    const target = path.join(dir, 'custom.html');
    expect(await runReviewCli([datasetPath, '--out', target], { out: out.stream, err: err.stream })).toBe(0);
    expect(out.text()).toMatch(/custom\.html: 3 cards, \d+\.\d MB/);
    expect(await runReviewCli([], { out: out.stream, err: err.stream })).toBe(2);
    expect(await runReviewCli([path.join(dir, 'missing.json')], { out: out.stream, err: err.stream })).toBe(3);
    expect(err.text()).toMatch(/missing\.json: no such file/);
  });

  it('takes relative paths from the folder the command was typed in', async () => {
    const out = capture();
    const err = capture();
    expect(await runReviewCli(['edition.json', '--out', 'typed.html'], { out: out.stream, err: err.stream }, dir)).toBe(0);
    expect(err.text()).toBe('');
    expect(out.text()).toContain(`${path.join(dir, 'typed.html')}: 3 cards`);
    expect((await readFile(path.join(dir, 'typed.html'), 'utf8')).length).toBeGreaterThan(0);
  });
});
