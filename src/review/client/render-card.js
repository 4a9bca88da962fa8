// Browser side, part 2: one card's view. Its pages are drawn by pdf.js on canvases, each provenance box
// is laid over its page in percent of the page size, and the values and diagnostics go beside.

// Distinct on white and under the page text; one per field, in the order of the dataset's field list.
const FIELD_COLOURS = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42a5b5', '#d6339b', '#7a9a01', '#b8860b',
  '#008080', '#9a6324', '#800000', '#2f4f4f', '#000075', '#c71585', '#556b2f', '#ff4500', '#4b0082',
];

/** @param {string} field @param {string[]} fields */
function fieldColour(field, fields) {
  const i = fields.indexOf(field);
  if (i >= 0) return FIELD_COLOURS[i % FIELD_COLOURS.length];
  let hash = 0;
  for (const ch of field) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 40%)`;
}

/** Tiny DOM builder: el('li', {class: 'x'}, 'text', child). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') node.style.cssText = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** The card's own diagnostics, and those about one of its pages that name no card. */
function cardDiagnostics(card, diagnostics) {
  return diagnostics.filter((d) => d.cardId === card.id || (d.cardId === null && d.page !== null && card.pdfPages.includes(d.page)));
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function hasWarnings(diagnostics) {
  return diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning');
}

/** PDF pages to show: the card's two (one in a spread edition), then any other page a box points to. */
function pagesOf(card) {
  const own = [...new Set(card.pdfPages)];
  const others = new Set(Object.values(card.provenance).map((entry) => entry.page).filter((page) => !own.includes(page)));
  return [...own, ...[...others].sort((a, b) => a - b)];
}

function shortText(value, max = 140) {
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function renderValue(value) {
  if (value === null || value === undefined) return el('span', { class: 'null' }, '— (null)');
  if (typeof value !== 'object') return el('span', {}, String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 'null' }, '— (empty)');
    if (value.every((v) => typeof v !== 'object' || v === null)) return el('span', {}, value.map(String).join(' – '));
    return el('ol', {}, value.map((item) => el('li', {}, renderItem(item))));
  }
  return el('dl', {}, Object.entries(value).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, renderValue(v))]));
}

function renderItem(item) {
  const keys = item && typeof item === 'object' ? Object.keys(item) : [];
  if (keys.length === 2 && keys.includes('kind') && keys.includes('text')) {
    return [el('span', { class: 'kind' }, item.kind), item.text];
  }
  return renderValue(item);
}

function isEmpty(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function renderDiagnostic(d) {
  return el(
    'div',
    { class: `diagnostic ${d.severity}`, 'data-severity': d.severity },
    el('strong', {}, d.severity), ' ', el('code', {}, d.code), d.page ? ` · p. ${d.page}` : '',
    el('div', {}, d.message),
  );
}

/** The right-hand panel: diagnostics first, then every field with its colour and page. */
function renderValues(card, fields, diagnostics, container) {
  container.replaceChildren();
  const own = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  container.append(
    el('section', { id: 'card-diagnostics' },
      el('h3', {}, `Diagnostics (${own.length})`),
      own.length === 0 ? el('p', { class: 'null' }, 'None.') : own.map(renderDiagnostic)),
  );
  const shown = ['id', ...fields, 'pdfPages', 'language'];
  for (const field of shown) {
    if (!(field in card)) continue;
    const where = card.provenance[field];
    const withBox = fields.includes(field);
    container.append(
      el('section', {
        class: ['field', isEmpty(card[field]) ? 'empty' : '', withBox && !where ? 'no-box' : ''].join(' ').trim(),
        'data-field': field,
        style: withBox ? `--c: ${fieldColour(field, fields)}` : undefined,
      },
        el('h3', {}, withBox ? el('span', { class: 'swatch' }) : null, field, where ? el('small', {}, `p. ${where.page}`) : null),
        el('div', { class: 'value' }, renderValue(card[field]))),
    );
  }
}

function pageCaption(card, pageNumber, diagnostics) {
  const i = card.pdfPages.indexOf(pageNumber);
  const printed = i >= 0 ? ` · printed page ${card.pages[i]}` : ' · outside the card';
  const onPage = diagnostics.filter((d) => d.page === pageNumber);
  const worst = onPage.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0];
  return el('figcaption', {}, `PDF page ${pageNumber}${printed}`,
    worst ? el('span', { class: `badge ${worst.severity}`, title: onPage.map((d) => d.message).join('\n') }, onPage.length) : null);
}

function drawBoxes(card, pageNumber, size, fields, layer) {
  for (const [field, entry] of Object.entries(card.provenance)) {
    if (entry.page !== pageNumber) continue;
    const [x0, y0, x1, y1] = entry.bbox;
    const pct = (v, total) => `${((v / total) * 100).toFixed(4)}%`;
    layer.append(
      el('div', {
        class: 'box',
        'data-field': field,
        title: `${field}: ${shortText(card[field])}`,
        style: `--c: ${fieldColour(field, fields)}; left: ${pct(x0, size.width)}; top: ${pct(y0, size.height)}; ` +
          `width: ${pct(x1 - x0, size.width)}; height: ${pct(y1 - y0, size.height)}`,
      }, el('span', { class: 'tag' }, field)),
    );
  }
}

/**
 * Lays out every page of the card with its boxes, then draws the pages; `isCurrent` tells when the
 * user has moved on, so a stale render stops and leaves the new card alone.
 */
async function renderCardPages(doc, card, fields, diagnostics, container, isCurrent) {
  container.replaceChildren();
  container.dataset.state = 'loading';
  const figures = [];
  for (const pageNumber of pagesOf(card)) {
    const onPage = diagnostics.some((d) => d.page === pageNumber && d.severity !== 'info');
    const canvas = el('canvas', { 'aria-label': `PDF page ${pageNumber}` });
    const boxes = el('div', { class: 'boxes' });
    const sheet = el('div', { class: 'sheet' }, canvas, boxes);
    const figure = el('figure', { class: `page${onPage ? ' has-diagnostics' : ''}`, 'data-page': pageNumber },
      pageCaption(card, pageNumber, diagnostics), sheet);
    container.append(figure);
    figures.push({ pageNumber, figure, sheet, canvas, boxes });
  }
  for (const f of figures) {
    if (!isCurrent()) return;
    try {
      if (f.pageNumber > doc.numPages) throw new Error(`the PDF has only ${doc.numPages} pages`);
      const page = await doc.getPage(f.pageNumber);
      const size = page.getViewport({ scale: 1 });
      f.sheet.style.aspectRatio = `${size.width} / ${size.height}`;
      // A spread (both card pages on one landscape PDF page) gets the full width.
      f.figure.classList.toggle('landscape', size.width > size.height);
      drawBoxes(card, f.pageNumber, size, fields, f.boxes);
      f.page = page;
      f.size = size;
    } catch (error) {
      f.figure.append(el('p', { class: 'page-error' }, `Page ${f.pageNumber} cannot be shown: ${error.message}`));
    }
  }
  for (const f of figures) {
    if (!isCurrent()) return;
    if (f.page) await drawPage(f.page, f.size, f.canvas, f.sheet);
  }
  if (isCurrent()) container.dataset.state = 'rendered';
}

async function drawPage(page, size, canvas, sheet) {
  const cssWidth = Math.max(sheet.clientWidth, 300);
  const scale = (cssWidth * (window.devicePixelRatio || 1)) / size.width;
  const viewport = page.getViewport({ scale });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  // Frees the page's parsed resources: a long review session would otherwise keep every visited page.
  page.cleanup();
}
