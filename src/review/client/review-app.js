// Browser side, part 3: the card list, its filters, keyboard navigation and the #<card-id> address.

const review = JSON.parse(await gunzipText(decodeBase64(embeddedText('review-data'))));
const { dataset, fields } = review;
const $ = (id) => document.getElementById(id);

const state = {
  doc: null,
  filtered: dataset.cards,
  currentId: null,
  generation: 0,
};

const diagnosticsByCard = new Map(dataset.cards.map((card) => [card.id, cardDiagnostics(card, dataset.diagnostics)]));

function fillFilters() {
  const regions = [...new Set(dataset.cards.map((c) => c.region))].sort((a, b) => a.localeCompare(b, 'fr'));
  $('filter-region').append(...regions.map((r) => el('option', { value: r }, r)));
  const axes = [...new Set(dataset.cards.map((c) => c.axis))];
  $('filter-axis').append(...axes.map((a) => el('option', { value: a }, a === 'transverse' ? 'Transverse' : `Axe ${a}`)));
  const withWarnings = dataset.cards.filter((c) => hasWarnings(diagnosticsByCard.get(c.id))).length;
  $('summary').textContent = `${dataset.cards.length} cards · ${withWarnings} with warnings · ${dataset.source.file}`;
  const edition = dataset.diagnostics.filter((d) => d.cardId === null);
  $('edition-diagnostics').append(el('summary', {}, `Edition diagnostics (${edition.length})`), ...edition.map(renderDiagnostic));
}

function applyFilters() {
  const onlyWarnings = $('filter-warnings').checked;
  const region = $('filter-region').value;
  const axis = $('filter-axis').value;
  const text = $('filter-text').value.trim().toLocaleLowerCase('fr');
  state.filtered = dataset.cards.filter(
    (c) =>
      (!onlyWarnings || hasWarnings(diagnosticsByCard.get(c.id))) &&
      (!region || c.region === region) &&
      (!axis || c.axis === axis) &&
      (!text || `${c.id} ${c.title} ${c.titleOnCard}`.toLocaleLowerCase('fr').includes(text)),
  );
  renderList();
}

function badges(diagnostics) {
  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  return ['error', 'warning'].filter((s) => count(s) > 0).map((s) => el('span', { class: `badge ${s}`, title: `${count(s)} ${s}(s)` }, count(s)));
}

function renderList() {
  const list = $('card-list');
  list.replaceChildren(
    ...state.filtered.map((card) =>
      el('li', {},
        el('a', { href: `#${card.id}`, 'data-card-id': card.id, 'aria-current': card.id === state.currentId ? 'true' : 'false' },
          card.title, badges(diagnosticsByCard.get(card.id)),
          el('span', { class: 'meta' }, `${card.region} · ${card.axis === 'transverse' ? 'transverse' : `axe ${card.axis}`} · p. ${card.pages[0]}`))),
    ),
  );
  $('list-count').textContent = `${state.filtered.length} of ${dataset.cards.length} cards shown`;
  list.querySelector('[aria-current=true]')?.scrollIntoView({ block: 'nearest' });
}

function showCard(id) {
  const card = dataset.cards.find((c) => c.id === id);
  if (!card) return;
  state.currentId = id;
  const generation = ++state.generation;
  const diagnostics = diagnosticsByCard.get(id);
  document.title = `${card.title} · review`;
  $('card-header').replaceChildren(
    el('h2', {}, card.title),
    el('div', { class: 'meta' }, `${card.region} · ${card.axis === 'transverse' ? 'Axe transverse' : `Axe ${card.axis}`} · ${card.theme || '—'} · pages ${card.pages.join('–')} (PDF ${card.pdfPages.join('–')}) · `, el('code', {}, card.id)),
  );
  $('view').dataset.cardId = id;
  renderLegend(card);
  renderValues(card, fields, diagnostics, $('values'));
  for (const a of $('card-list').querySelectorAll('a')) a.setAttribute('aria-current', String(a.dataset.cardId === id));
  $('card-list').querySelector('[aria-current=true]')?.scrollIntoView({ block: 'nearest' });
  if (state.doc) {
    renderCardPages(state.doc, card, fields, diagnostics, $('pages'), () => generation === state.generation).catch((error) => {
      $('pages').append(el('p', { class: 'page-error' }, `Rendering failed: ${error.message}`));
    });
  }
}

function renderLegend(card) {
  const present = fields.filter((f) => card.provenance[f]);
  $('legend').replaceChildren(...present.map((f) => el('span', { style: `--c: ${fieldColour(f, fields)}` }, el('span', { class: 'swatch' }), f)));
}

function currentFromHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  return dataset.cards.some((c) => c.id === id) ? id : null;
}

function go(id) {
  if (!id || id === state.currentId) return;
  // Show first, then record it in the address: a burst of key presses then steps from the card just shown.
  showCard(id);
  location.hash = id;
}

function step(delta) {
  const list = state.filtered;
  if (list.length === 0) return;
  const i = list.findIndex((c) => c.id === state.currentId);
  const next = i < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + delta));
  go(list[next].id);
}

function toggle(checkboxId) {
  const box = $(checkboxId);
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change'));
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target instanceof HTMLElement && event.target.matches('input[type=search], select');
  if (typing && event.key !== 'Escape') return;
  const actions = {
    ArrowDown: () => step(1), j: () => step(1), n: () => step(1),
    ArrowUp: () => step(-1), k: () => step(-1), p: () => step(-1),
    Home: () => go(state.filtered[0]?.id), End: () => go(state.filtered.at(-1)?.id),
    w: () => toggle('filter-warnings'), b: () => toggle('show-boxes'), l: () => toggle('show-tags'),
    '/': () => $('filter-text').focus(),
    Escape: () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}

function linkHover(event, on) {
  const target = event.target instanceof Element ? event.target.closest('[data-field]') : null;
  if (!target) return;
  const field = target.dataset.field;
  for (const node of document.querySelectorAll(`#pages [data-field="${field}"], #values [data-field="${field}"]`)) node.classList.toggle('hot', on);
}

function wireEvents() {
  for (const id of ['filter-warnings', 'filter-region', 'filter-axis']) $(id).addEventListener('change', applyFilters);
  $('filter-text').addEventListener('input', applyFilters);
  $('show-boxes').addEventListener('change', (e) => document.body.classList.toggle('hide-boxes', !e.target.checked));
  $('show-tags').addEventListener('change', (e) => document.body.classList.toggle('hide-tags', !e.target.checked));
  window.addEventListener('hashchange', () => {
    const id = currentFromHash();
    if (id && id !== state.currentId) showCard(id);
  });
  document.addEventListener('keydown', onKey);
  for (const pane of [$('pages'), $('values')]) {
    pane.addEventListener('mouseover', (e) => linkHover(e, true));
    pane.addEventListener('mouseout', (e) => linkHover(e, false));
  }
  $('values').addEventListener('click', (e) => {
    const section = e.target instanceof Element ? e.target.closest('.field') : null;
    const box = section && $('pages').querySelector(`.box[data-field="${section.dataset.field}"]`);
    box?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => state.currentId && showCard(state.currentId), 300);
  });
}

async function boot() {
  fillFilters();
  wireEvents();
  applyFilters();
  const first = currentFromHash() ?? dataset.cards[0]?.id;
  if (first) showCard(first);
  else $('card-header').replaceChildren(el('p', { id: 'status' }, 'This dataset has no cards.'));
  document.body.dataset.ready = 'list';
  try {
    const pdfjsLib = await loadPdfjs();
    state.doc = await openEmbeddedPdf(pdfjsLib);
    document.body.dataset.ready = 'pdf';
    if (state.currentId) showCard(state.currentId);
  } catch (error) {
    document.body.dataset.ready = 'error';
    $('pages').replaceChildren(el('p', { class: 'page-error' }, `The PDF cannot be shown: ${error.message}`));
  }
}

boot();
