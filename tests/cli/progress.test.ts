import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../src/cli/batch.ts';
import { createReporter } from '../../src/cli/progress.ts';

function capture(isTTY = false) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 200 },
  );
  return { stream, text: () => chunks.join('') };
}

const success = (file: string, extra: Partial<FileOutcome> = {}): FileOutcome => ({
  ok: true,
  file,
  datasetPath: `output/${file.replace(/^input\//, '').replace(/\.pdf$/, '')}.json`,
  reportPath: 'unused',
  cards: 117,
  warnings: 3,
  errors: 0,
  pageCount: 292,
  elapsedMs: 10,
  usage: null,
  ...(extra as object),
});

describe('createReporter', () => {
  it('prints one summary line per file: ok on stdout, FAILED on stderr', () => {
    const out = capture();
    const err = capture();
    const reporter = createReporter({ out: out.stream, err: err.stream, quiet: false });
    reporter.onFinish!(success('input/x.pdf'));
    reporter.onFinish!(success('input/y.pdf', { cards: 1, warnings: 1, errors: 2 } as Partial<FileOutcome>));
    reporter.onFinish!({ ok: false, file: 'input/z.pdf', kind: 'not-pdf', message: 'input/z.pdf: not a PDF', elapsedMs: 0, usage: null });
    reporter.onFinish!({ ok: false, file: 'w.pdf', kind: null, message: 'odd failure', elapsedMs: 0, usage: null });
    reporter.close([success('a'), success('b'), success('c'), success('d')], 1234);
    expect(out.text()).toBe('ok input/x.pdf → output/x.json (117 cards, 3 warnings)\nok input/y.pdf → output/y.json (1 card, 1 warning, 2 error diagnostics)\n');
    expect(err.text()).toBe('FAILED input/z.pdf: not a PDF\nFAILED w.pdf: odd failure\n4 files: 4 ok, 0 failed (1.2 s)\n');
  });

  it('without a terminal, prints throttled page lines', () => {
    const out = capture();
    const err = capture();
    let clock = 0;
    const reporter = createReporter({ out: out.stream, err: err.stream, quiet: false, lineIntervalSeconds: 5, now: () => clock });
    reporter.onStart!('input/x.pdf');
    for (let page = 1; page <= 292; page++) {
      clock += 100;
      reporter.onProgress!('input/x.pdf', page, 292);
    }
    expect(err.text()).toBe('input/x.pdf: page 50/292\ninput/x.pdf: page 100/292\ninput/x.pdf: page 150/292\ninput/x.pdf: page 200/292\ninput/x.pdf: page 250/292\n');
    expect(err.text()).not.toContain('\r');
  });

  it('on a terminal, redraws one status line in place and clears it before summaries', () => {
    const out = capture();
    const err = capture(true);
    let clock = 0;
    const reporter = createReporter({ out: out.stream, err: err.stream, quiet: false, now: () => clock });
    reporter.onStart!('input/a.pdf');
    reporter.onStart!('input/b.pdf');
    clock = 1000;
    reporter.onProgress!('input/a.pdf', 120, 292);
    clock = 1001; // too soon to redraw
    reporter.onProgress!('input/b.pdf', 7, 10);
    expect(err.text().split('\r\x1b[2K').at(-1)).toBe('input/a.pdf: page 120/292  |  input/b.pdf: starting');
    clock = 2000;
    reporter.onProgress!('input/b.pdf', 8, 10);
    expect(err.text().split('\r\x1b[2K').at(-1)).toBe('input/a.pdf: page 120/292  |  input/b.pdf: page 8/10');
    reporter.onFinish!(success('input/b.pdf'));
    expect(err.text().split('\r\x1b[2K').at(-1)).toBe('input/a.pdf: page 120/292');
    reporter.close([success('input/b.pdf')], 5);
    expect(err.text().endsWith('\r\x1b[2K')).toBe(true);
    expect(err.text()).not.toContain('\n');
  });

  it('shows output paths relative to the folder the command was typed in, whole when outside it', () => {
    const typedIn = path.resolve('/home/ana/editions');
    const project = path.resolve('/home/ana/pactes-extract');
    const out = capture();
    const reporter = createReporter({ out: out.stream, err: capture().stream, quiet: false, shownFrom: typedIn });
    reporter.onFinish!(success(path.join(typedIn, 'a.pdf'), { datasetPath: path.join(typedIn, 'sortie', 'a.json') }));
    reporter.onFinish!(success(path.join(typedIn, 'b.pdf'), { datasetPath: path.join(project, 'output', 'b.json') }));
    expect(out.text().split('\n')).toEqual([
      `ok ${path.join(typedIn, 'a.pdf')} → ${path.join('sortie', 'a.json')} (117 cards, 3 warnings)`,
      `ok ${path.join(typedIn, 'b.pdf')} → ${path.join(project, 'output', 'b.json')} (117 cards, 3 warnings)`,
      '',
    ]);
  });

  it('--quiet keeps only failures', () => {
    const out = capture();
    const err = capture(true);
    const reporter = createReporter({ out: out.stream, err: err.stream, quiet: true });
    reporter.onStart!('input/a.pdf');
    reporter.onProgress!('input/a.pdf', 1, 2);
    reporter.onFinish!(success('input/a.pdf'));
    reporter.onFinish!({ ok: false, file: 'b.pdf', kind: 'empty', message: 'b.pdf: the file is empty', elapsedMs: 0, usage: null });
    reporter.close([success('input/a.pdf'), success('b.pdf')], 5);
    expect(out.text()).toBe('');
    expect(err.text()).toBe('FAILED b.pdf: the file is empty\n');
  });
});
