// Everything after the load: layout → (repair) → segment → fields → normalise → validate, and the run report.
// Imported on demand, so that a process that only reads pages never loads these modules.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCard, type CardDraft } from '../fields/index.ts';
import { layoutDocument } from '../layout/index.ts';
import { assertHasTextLayer } from '../load/text-layer.ts';
import { makeDiagnostic } from '../model/diagnostics.ts';
import { InputError } from '../model/errors.ts';
import type { LoadedDocument } from '../model/text.ts';
import { normaliseCard } from '../normalise/normalise-card.ts';
import { repairTextMappings } from '../repair/repair-mappings.ts';
import { segmentDocument } from '../segment/index.ts';
import { validateDataset } from '../validate/validate-dataset.ts';
import { checkReading } from '../validate/self-check.ts';
import type { Card, Dataset, Diagnostic } from '../validate/schema.ts';
import { SCHEMA_VERSION } from '../validate/schema.ts';
import { readEdition } from './read-edition.ts';
import type { ExtractOptions, ExtractResult, RunReport } from './types.ts';

export interface StageRun {
  /** When the run began (the load included). */
  startedAt: Date;
  /** Wall time of the load stage, in whatever processes it ran. */
  loadMs: number;
}

/** The stages after the load, on a whole document (pages in order). `data` is the PDF, for its hash. */
export async function runStages(data: Uint8Array, loaded: LoadedDocument, options: ExtractOptions, run: StageRun): Promise<ExtractResult> {
  const { startedAt } = run;
  const timings: Record<string, number> = { load: Math.round(run.loadMs * 10) / 10 };
  const time = <T>(stage: string, work: () => T): T => {
    const t0 = performance.now();
    const out = work();
    timings[stage] = Math.round((performance.now() - t0) * 10) / 10;
    return out;
  };
  const sha256 = createHash('sha256').update(data).digest('hex');
  assertHasTextLayer(loaded, options.fileName);

  let laidOut = time('layout', () => layoutDocument(loaded));
  // Damaged text mappings are looked for in the layout's words; a damaged document is repaired and laid out again.
  const t1 = performance.now();
  const repaired = await repairTextMappings(loaded, { words: laidOut.lexicon.words });
  timings.repair = Math.round((performance.now() - t1) * 10) / 10;
  const doc = repaired.doc;
  if (doc !== loaded) laidOut = time('relayout', () => layoutDocument(doc));
  const segmented = time('segment', () => segmentDocument(laidOut));
  if (segmented.cards.length === 0) {
    throw new InputError(
      'not-catalogue',
      `${options.fileName}: no action card found (${segmented.toc.length} table-of-contents entries): this does not look like an edition of « L'innovation en actions à travers les Pactes régionaux »`,
    );
  }
  const diagnostics: Diagnostic[] = [...repaired.diagnostics, ...segmented.diagnostics];
  const drafts = time('fields', () => {
    const out: CardDraft[] = [];
    for (const card of segmented.cards) {
      try {
        out.push(readCard(card, laidOut));
      } catch (error) {
        diagnostics.push(
          makeDiagnostic('fields/card-unreadable', 'error', `the card could not be read: ${error instanceof Error ? error.message : String(error)}`, {
            page: card.pages[0]!.pdfPage,
          }),
        );
      }
    }
    return out;
  });
  const cards = time('normalise', () => {
    const out: Card[] = [];
    for (const draft of makeIdsUnique(drafts, diagnostics)) {
      const { card, diagnostics: found } = normaliseCard(draft);
      out.push(card);
      diagnostics.push(...found);
    }
    return out;
  });

  const selfCheck = time('selfCheck', () => checkReading({ cards, lexicon: repaired.lexicon }));
  diagnostics.push(...selfCheck.diagnostics);
  const dataset: Dataset = time('validate', () =>
    validateDataset({
      schemaVersion: SCHEMA_VERSION,
      source: { file: path.basename(options.fileName), sha256, pageCount: doc.pageCount, title: doc.title },
      edition: readEdition(laidOut, doc.title),
      cards,
      diagnostics: sortDiagnostics(diagnostics),
    }),
  );
  const report: RunReport = {
    file: options.fileName,
    sha256,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    timingsMs: timings,
    pageCount: doc.pageCount,
    pageRoles: segmented.roles,
    counts: {
      cards: cards.length,
      tocEntries: segmented.toc.length,
      fieldsFilled: countFilledFields(cards),
      diagnosticsBySeverity: {
        error: dataset.diagnostics.filter((d) => d.severity === 'error').length,
        warning: dataset.diagnostics.filter((d) => d.severity === 'warning').length,
        info: dataset.diagnostics.filter((d) => d.severity === 'info').length,
      },
    },
    textRepair: { lexiconRead: repaired.lexiconRead, repairs: repaired.repairs },
    selfCheck: selfCheck.measures,
    diagnostics: dataset.diagnostics,
  };
  return { dataset, report };
}

function makeIdsUnique(drafts: CardDraft[], diagnostics: Diagnostic[]): CardDraft[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    if (n === 1) return d;
    const id = `${d.id}-${n}`;
    diagnostics.push(makeDiagnostic('normalise/duplicate-id', 'warning', `two cards share the id ${d.id}: this one becomes ${id}`, { page: d.pdfPages[0], cardId: id }));
    return { ...d, id };
  });
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Stable order: by page, then severity, code and message. */
function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.page ?? 0) - (b.page ?? 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

function countFilledFields(cards: readonly Card[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const card of cards) {
    for (const [key, value] of Object.entries(card)) {
      const filled = value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
      counts[key] = (counts[key] ?? 0) + (filled ? 1 : 0);
    }
    counts.contactWithEmail = (counts.contactWithEmail ?? 0) + (card.contacts.some((c) => c.email) ? 1 : 0);
  }
  return counts;
}
