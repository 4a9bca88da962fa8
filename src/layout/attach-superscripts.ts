import type { TextItem } from '../model/text.ts';

/** A superscript has at most this many characters ("ère", "er", "e", "nd"). */
export const MAX_SUPERSCRIPT_CHARS = 4;
/** A superscript is set smaller than this share of its host's size. */
export const SUPERSCRIPT_SIZE_RATIO = 0.86;
/** It is raised by at most this (× the host's size) above the host's top... */
export const MAX_RAISE_EM = 0.35;
/** ... its top lies in this upper share of the host's height... */
export const RAISED_SHARE = 0.5;
/** ... and it follows at least this much (× the host's size) of the host's text. */
export const MIN_HOST_LEAD_EM = 0.3;
/** Runs whose sizes differ by less than this share of the size are set in one size. */
export const SAME_SIZE_SHARE = 0.15;
/** Runs whose boxes overlap by more than this share of the height are on one baseline. */
export const SAME_BASELINE_OVERLAP = 0.5;
/** A run of the same size this close on its left (× size) makes a small run ordinary text ("A X E 1"). */
export const NEIGHBOUR_GAP_EM = 3;
/** Slack for edges placed by different runs, in points (rounding of positions). */
const SLACK_PT = 1;

/** A run preceded closely, on its own baseline, by a run of its own size is ordinary text ("A X E 1"), not a superscript. */
function hasRowNeighbourOnLeft(run: TextItem, items: readonly TextItem[]): boolean {
  const height = run.box[3] - run.box[1];
  return items.some(
    (o) =>
      o !== run &&
      Math.abs(o.fontSize - run.fontSize) < SAME_SIZE_SHARE * run.fontSize &&
      Math.min(o.box[3], run.box[3]) - Math.max(o.box[1], run.box[1]) > SAME_BASELINE_OVERLAP * height &&
      o.box[2] <= run.box[0] + SLACK_PT &&
      run.box[0] - o.box[2] < NEIGHBOUR_GAP_EM * run.fontSize,
  );
}

/**
 * Small raised runs (superscripts such as "ère" in "1ère") are moved onto the baseline band of the
 * larger run they sit on; inside a run, it is split after the character the superscript follows.
 */
export function attachSuperscripts(items: readonly TextItem[]): TextItem[] {
  const out = [...items];
  for (const sup of items) {
    if (sup.text.trim().length > MAX_SUPERSCRIPT_CHARS || hasRowNeighbourOnLeft(sup, items)) continue;
    const host = out.find(
      (h) =>
        h !== sup &&
        sup.fontSize < SUPERSCRIPT_SIZE_RATIO * h.fontSize &&
        // raised to the cap height of the larger run, never ahead of its first character
        sup.box[1] >= h.box[1] - MAX_RAISE_EM * h.fontSize &&
        sup.box[0] >= h.box[0] + MIN_HOST_LEAD_EM * h.fontSize &&
        sup.box[3] > h.box[1] &&
        sup.box[1] < h.box[1] + RAISED_SHARE * (h.box[3] - h.box[1]) &&
        sup.box[0] >= h.box[0] - SLACK_PT &&
        sup.box[0] <= h.box[2] + SLACK_PT,
    );
    if (!host) continue;
    const moved: TextItem = { ...sup, box: [sup.box[0], host.box[1], sup.box[2], host.box[3]] };
    out.splice(out.indexOf(sup), 1, moved);
    if (sup.box[0] <= host.box[0] + SLACK_PT / 2 || sup.box[0] >= host.box[2] - SLACK_PT / 2) continue;
    // Split the host run where the superscript sits (widths estimated per character).
    const at = Math.max(1, Math.round(((sup.box[0] - host.box[0]) / (host.box[2] - host.box[0])) * host.text.length));
    const head = host.text.slice(0, at).replace(/\s+$/, '');
    const tail = host.text.slice(at).replace(/^\s+/, '');
    out.splice(
      out.indexOf(host),
      1,
      { ...host, text: head, box: [host.box[0], host.box[1], sup.box[0] - 0.01, host.box[3]] },
      { ...host, text: ' ' + tail, box: [sup.box[2] + SLACK_PT / 2, host.box[1], host.box[2], host.box[3]] },
    );
  }
  return out;
}
