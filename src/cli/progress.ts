import path from 'node:path';
import type { BatchEvents, FileOutcome } from './batch.ts';

export interface ReporterOptions {
  /** Summary lines of successful files. */
  out: NodeJS.WritableStream;
  /** Progress, failures and the batch total. */
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  quiet: boolean;
  /** Seconds between progress lines when stderr is not a terminal. */
  lineIntervalSeconds?: number;
  now?: () => number;
  /** The user's folder, where the command was typed (default: the working directory): output paths inside it are shown relative to it. */
  shownFrom?: string;
}

export interface Reporter extends BatchEvents {
  /** Clears the progress line and prints the batch total (when more than one file ran). */
  close(outcomes: readonly FileOutcome[], elapsedMs: number): void;
}

const CLEAR_LINE = '\r\x1b[2K';
const TTY_REDRAW_MS = 100;

/**
 * On a terminal, one status line with a page counter per running file, redrawn in place;
 * otherwise a plain line per file every `lineIntervalSeconds`, so logs stay short.
 */
export function createReporter(options: ReporterOptions): Reporter {
  const { out, err, quiet } = options;
  const now = options.now ?? (() => performance.now());
  const tty = err.isTTY === true;
  const intervalMs = (options.lineIntervalSeconds ?? 10) * 1000;
  const running = new Map<string, { done: number; total: number; lastLine: number }>();
  let statusShown = false;
  let lastDraw = -Infinity;

  const clearStatus = () => {
    if (statusShown) err.write(CLEAR_LINE);
    statusShown = false;
  };
  const drawStatus = () => {
    if (!tty || quiet || running.size === 0) return;
    const parts = [...running].map(([file, p]) => (p.total > 0 ? `${file}: page ${p.done}/${p.total}` : `${file}: starting`));
    const width = Math.max(20, (err.columns || 80) - 1);
    let line = parts.join('  |  ');
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    err.write(CLEAR_LINE + line);
    statusShown = true;
    lastDraw = now();
  };
  const printLine = (stream: NodeJS.WritableStream, text: string) => {
    clearStatus();
    stream.write(text + '\n');
    drawStatus();
  };

  return {
    onStart(file) {
      running.set(file, { done: 0, total: 0, lastLine: now() });
      drawStatus();
    },
    onProgress(file, done, total) {
      const state = running.get(file);
      if (!state || quiet) return;
      state.done = done;
      state.total = total;
      if (tty) {
        if (now() - lastDraw >= TTY_REDRAW_MS || done === total) drawStatus();
      } else if (now() - state.lastLine >= intervalMs) {
        state.lastLine = now();
        err.write(`${file}: page ${done}/${total}\n`);
      }
    },
    onFinish(outcome) {
      running.delete(outcome.file);
      if (outcome.ok) {
        if (!quiet) printLine(out, formatSuccess(outcome, options.shownFrom));
      } else {
        const named = outcome.message.startsWith(`${outcome.file}:`) ? outcome.message : `${outcome.file}: ${outcome.message}`;
        printLine(err, `FAILED ${named}`);
      }
    },
    close(outcomes, elapsedMs) {
      clearStatus();
      if (quiet || outcomes.length < 2) return;
      const failed = outcomes.filter((o) => !o.ok).length;
      err.write(`${outcomes.length} files: ${outcomes.length - failed} ok, ${failed} failed (${(elapsedMs / 1000).toFixed(1)} s)\n`);
    },
  };
}

export function formatSuccess(outcome: Extract<FileOutcome, { ok: true }>, shownFrom: string = process.cwd()): string {
  const counts = [plural(outcome.cards, 'card'), plural(outcome.warnings, 'warning')];
  if (outcome.errors > 0) counts.push(plural(outcome.errors, 'error diagnostic'));
  return `ok ${outcome.file} → ${displayPath(outcome.datasetPath, shownFrom)} (${counts.join(', ')})`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function displayPath(p: string, from: string): string {
  const relative = path.relative(from, p);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? p : relative;
}
