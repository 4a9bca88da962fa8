// One self-contained HTML file: the dataset, the edition PDF and pdf.js all inlined, so the page opens
// from the file system and fetches nothing (its Content-Security-Policy forbids any request).
import { gzipSync } from 'node:zlib';
import { CARD_FIELDS_WITH_PROVENANCE, type Dataset } from '../validate/schema.ts';
import { loadReviewAssets, type ReviewAssets } from './review-assets.ts';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data: blob:',
  'connect-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** gzip then base64: text that can sit inside a <script> element whatever it holds, at a quarter of the size. */
export function packText(text: string): string {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
}

function inlineScript(source: string): string {
  if (/<\/script/i.test(source)) throw new Error('an inlined script contains "</script"');
  return source;
}

export async function buildReviewHtml(dataset: Dataset, pdfBytes: Uint8Array, assets?: ReviewAssets): Promise<string> {
  const a = assets ?? (await loadReviewAssets());
  const title = `Review · ${dataset.edition.title}${dataset.edition.date ? ` (${dataset.edition.date})` : ''}`;
  const data = packText(JSON.stringify({ dataset, fields: CARD_FIELDS_WITH_PROVENANCE }));
  const pdf = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('base64');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="pactes-extract review page, pdf.js ${escapeHtml(a.pdfjsVersion)}">
<title>${escapeHtml(title)}</title>
<style>${a.style}</style>
</head>
<body>
<aside id="sidebar">
  <header><h1>${escapeHtml(title)}</h1><p id="summary"></p></header>
  <div class="filters">
    <label><input type="checkbox" id="filter-warnings"> Only cards with warnings or errors</label>
    <select id="filter-region" aria-label="Region"><option value="">All regions</option></select>
    <select id="filter-axis" aria-label="Axis"><option value="">All axes</option></select>
    <input type="search" id="filter-text" placeholder="Search a title or id" aria-label="Search">
  </div>
  <p id="list-count"></p>
  <ol id="card-list"></ol>
  <details id="edition-diagnostics"></details>
  <p class="keys"><kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> next/previous card · <kbd>Home</kbd>/<kbd>End</kbd> · <kbd>w</kbd> warnings filter · <kbd>b</kbd> boxes · <kbd>l</kbd> labels · <kbd>/</kbd> search</p>
</aside>
<main id="view">
  <header id="card-header"><p id="status">Loading…</p></header>
  <div id="content">
    <div id="pages-pane">
      <div class="toolbar">
        <label><input type="checkbox" id="show-boxes" checked> Boxes</label>
        <label><input type="checkbox" id="show-tags" checked> Labels</label>
        <div id="legend" class="legend"></div>
      </div>
      <div id="pages"></div>
    </div>
    <section id="values" aria-label="Extracted values"></section>
  </div>
</main>
<noscript>This page needs JavaScript to draw the PDF pages.</noscript>
<script type="text/plain" id="review-data">${data}</script>
<script type="text/plain" id="pdf-data">${pdf}</script>
<script type="text/plain" id="pdfjs-lib">${a.pdfjsLib}</script>
<script type="text/plain" id="pdfjs-worker">${a.pdfjsWorker}</script>
<script type="module">
${inlineScript(a.script)}
</script>
</body>
</html>
`;
}
