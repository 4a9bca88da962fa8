// Drives the review page in the system's Chromium (installed by .ci/run: apt-get install chromium).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewPage } from '../../src/review/write-review-page.ts';
import { buildSampleDataset, SAMPLE_PDF } from './sample-dataset.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = path.resolve('.vitest-out/review');
const SCREENSHOT = path.join(OUT_DIR, 'review-page.png');
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

if (!haveChromium && !inCi) {
  console.warn(`review browser test skipped: ${CHROMIUM} is missing (apt-get install chromium); with CI=true it fails instead`);
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** Where pdf.js itself puts the given strings on a page, in points from the top-left corner. */
async function textRects(pageNumber: number, pattern: RegExp): Promise<{ rects: Rect[]; width: number; height: number }> {
  const task = getDocument({ data: new Uint8Array(await readFile(SAMPLE_PDF)), verbosity: 0 });
  try {
    const page = await (await task.promise).getPage(pageNumber);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const rects: Rect[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !pattern.test(item.str)) continue;
      const m = Util.transform(viewport.transform, item.transform);
      const size = Math.hypot(m[2]!, m[3]!);
      rects.push({ x0: m[4]!, y0: m[5]! - 0.7 * size, x1: m[4]! + item.width, y1: m[5]! });
    }
    return { rects, width: viewport.width, height: viewport.height };
  } finally {
    await task.destroy();
  }
}

describe.skipIf(!haveChromium && !inCi)(`review page in Chromium (${CHROMIUM})`, () => {
  const dataset = buildSampleDataset();
  const [hotellerie, frap, chantiers] = dataset.cards as [(typeof dataset.cards)[0], (typeof dataset.cards)[0], (typeof dataset.cards)[0]];
  let context: BrowserContext;
  let page: Page;
  let profileDir = '';
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must apt-get install chromium`);
    await mkdir(OUT_DIR, { recursive: true });
    const datasetPath = path.join(OUT_DIR, 'sample.json');
    await writeFile(datasetPath, JSON.stringify(dataset, null, 2));
    const { outPath } = await writeReviewPage(datasetPath);
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'pactes-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${pathToFileURL(outPath).href}#${frap.id}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'pdf' || document.body.dataset.ready === 'error', null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  async function waitForCard(id: string) {
    await page.waitForSelector(`#view[data-card-id="${id}"] #pages[data-state="rendered"]`, { timeout: 30_000 });
  }

  it('opens from the file system, loads the embedded PDF and fetches nothing', async () => {
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe('pdf');
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    await waitForCard(frap.id);
    expect(errors).toEqual([]);
  });

  it('jumps to a given card and draws one box per field with provenance, on the right page', async () => {
    await page.locator(`#card-list a[data-card-id="${hotellerie.id}"]`).click();
    await waitForCard(hotellerie.id);
    expect(page.url()).toContain(`#${hotellerie.id}`);
    const fields = Object.keys(hotellerie.provenance);
    expect(fields.length).toBe(14);
    expect(await page.locator('#pages .box').count()).toBe(fields.length);
    for (const [field, entry] of Object.entries(hotellerie.provenance)) {
      expect(await page.locator(`#pages figure[data-page="${entry.page}"] .box[data-field="${field}"]`).count(), field).toBe(1);
    }
    expect(await page.locator('#values .diagnostic.warning').count()).toBe(1);
    expect(await page.locator('#pages figure.has-diagnostics').getAttribute('data-page')).toBe('12');
  });

  it('draws the title box where pdf.js finds the title text, over inked pixels', async () => {
    const { rects, width, height } = await textRects(12, /HÔTELLERIE|PARCOURS EMPLOI|INNOVANT/);
    expect(rects.length).toBeGreaterThanOrEqual(3);
    const drawn = await page.evaluate(() => {
      const sheet = document.querySelector('#pages figure[data-page="12"] .sheet')!.getBoundingClientRect();
      const box = document.querySelector('#pages .box[data-field="titleOnCard"]')!.getBoundingClientRect();
      return { sheet: { x: sheet.x, y: sheet.y, w: sheet.width, h: sheet.height }, box: { x: box.x, y: box.y, w: box.width, h: box.height } };
    });
    // Back from screen pixels to PDF points (the box border is 2 px outside the bbox edge at most).
    const sx = width / drawn.sheet.w;
    const sy = height / drawn.sheet.h;
    const inPoints = {
      x0: (drawn.box.x - drawn.sheet.x) * sx,
      y0: (drawn.box.y - drawn.sheet.y) * sy,
      x1: (drawn.box.x + drawn.box.w - drawn.sheet.x) * sx,
      y1: (drawn.box.y + drawn.box.h - drawn.sheet.y) * sy,
    };
    const slack = 3;
    for (const r of rects) {
      expect(r.x0).toBeGreaterThanOrEqual(inPoints.x0 - slack);
      expect(r.x1).toBeLessThanOrEqual(inPoints.x1 + slack);
      expect(r.y0).toBeGreaterThanOrEqual(inPoints.y0 - slack);
      expect(r.y1).toBeLessThanOrEqual(inPoints.y1 + slack);
    }
    // The text fills the box: its left edge and first line start within a few points of the box's.
    expect(Math.min(...rects.map((r) => r.x0)) - inPoints.x0).toBeLessThan(6);
    expect(Math.min(...rects.map((r) => r.y0)) - inPoints.y0).toBeLessThan(12);
    // The canvas really shows the title there: dark (red title) pixels inside the box, white paper under it.
    const ink = await page.evaluate((bbox) => {
      const canvas = document.querySelector('#pages figure[data-page="12"] canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const k = canvas.width / 594.96;
      const share = (x0: number, y0: number, x1: number, y1: number) => {
        const img = ctx.getImageData(Math.round(x0 * k), Math.round(y0 * k), Math.round((x1 - x0) * k), Math.round((y1 - y0) * k)).data;
        let inked = 0;
        for (let i = 0; i < img.length; i += 4) if (img[i]! + img[i + 1]! + img[i + 2]! < 600) inked++;
        return inked / (img.length / 4);
      };
      return { inside: share(bbox[0], bbox[1], bbox[2], bbox[3]), blank: share(60, 470, 540, 690) };
    }, hotellerie.provenance.titleOnCard!.bbox);
    expect(ink.inside).toBeGreaterThan(0.1);
    expect(ink.blank).toBeLessThan(0.01);
  });

  it('navigates with the keyboard and filters by warnings, region and axis', async () => {
    await page.locator('body').press('j');
    await waitForCard(frap.id);
    await page.locator('body').press('k');
    await waitForCard(hotellerie.id);
    await page.locator('body').press('w');
    expect(await page.locator('#card-list a').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.cardId))).toEqual([hotellerie.id, chantiers.id]);
    await page.locator('body').press('j');
    await waitForCard(chantiers.id);
    expect(await page.locator('#pages .box').count()).toBe(Object.keys(chantiers.provenance).length);
    await page.locator('body').press('w');
    await page.selectOption('#filter-region', 'Bourgogne-Franche-Comté');
    expect(await page.locator('#card-list a').count()).toBe(1);
    await page.selectOption('#filter-region', '');
    await page.selectOption('#filter-axis', '2');
    expect(await page.locator('#card-list a').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.cardId))).toEqual([chantiers.id]);
    await page.selectOption('#filter-axis', '');
    expect(await page.locator('#list-count').textContent()).toBe('3 of 3 cards shown');
  });

  it('saves a screenshot of the first card', async () => {
    await page.goto(page.url().replace(/#.*$/, `#${hotellerie.id}`));
    await waitForCard(hotellerie.id);
    await page.locator(`#pages .box[data-field="budget"]`).hover();
    await page.screenshot({ path: SCREENSHOT });
    expect((await readFile(SCREENSHOT)).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
  });
});
