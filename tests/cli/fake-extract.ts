// Stand-in for extractEdition, loaded inside the CLI's workers: the file's first line says what to do.
import { InputError } from '../../src/model/errors.ts';
import type { ExtractOptions, ExtractResult } from '../../src/pipeline/types.ts';
import { makeResult } from '../emit/sample-dataset.ts';

/** Calls seen by this module instance, i.e. by this worker thread. */
let calls = 0;

export async function extractEdition(data: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const command = new TextDecoder().decode(data).split('\n')[0]!.trim();
  if (command === 'hang') return new Promise(() => setInterval(() => undefined, 1000));
  if (command === 'bloat') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
  }
  calls++;
  if (command === 'crash') throw new TypeError('something broke');
  const cards = /^cards (\d+)$/.exec(command);
  if (!cards && command !== 'count') throw new InputError('not-pdf', `${options.fileName}: not a PDF (fake)`);
  for (let page = 1; page <= 4; page++) options.onPage?.(page, 4);
  return makeResult(cards ? Number(cards[1]) : calls, options.fileName);
}
