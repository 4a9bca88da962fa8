import { describe, expect, it } from 'vitest';
import { explainLoadFailure, makeInputError, printableName, type FailureContext } from '../../src/load/load-failure.ts';
import { InputError } from '../../src/model/errors.ts';

const context = (extra: Partial<FailureContext> = {}): FailureContext => ({ fileName: 'a b.pdf', passwordGiven: false, what: 'page 3', ...extra });

describe('explainLoadFailure', () => {
  it('passes an InputError through unchanged', () => {
    const error = makeInputError('empty', 'x.pdf', 'the file is empty (0 bytes)');
    expect(explainLoadFailure(error, context())).toBe(error);
  });

  it('calls a failed allocation a memory failure, and other errors damage, saying where', () => {
    const memory = explainLoadFailure(new RangeError('Array buffer allocation failed'), context());
    expect([memory.kind, memory.message]).toEqual(['memory', 'a b.pdf: ran out of memory while reading page 3 (Array buffer allocation failed)']);
    const damaged = explainLoadFailure(new Error('Bad FCHECK in flate stream: 120, 255'), context());
    expect([damaged.kind, damaged.message]).toEqual(['damaged', 'a b.pdf: the PDF is damaged: page 3 cannot be read (Bad FCHECK in flate stream: 120, 255)']);
    const invalid = Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' });
    expect(explainLoadFailure(invalid, context()).message).toBe('a b.pdf: the PDF is damaged: page 3 has an invalid structure (Invalid PDF structure.)');
    expect(explainLoadFailure('a string', context()).message).toBe('a b.pdf: the PDF is damaged: page 3 cannot be read (a string)');
  });

  it('calls anything after an abort a timeout, whatever pdfjs threw while being torn down', () => {
    const error = explainLoadFailure(new Error('Worker was destroyed'), context({ signal: AbortSignal.abort(new Error('cancelled by the user')) }));
    expect([error.kind, error.message]).toEqual(['timeout', 'a b.pdf: stopped: cancelled by the user']);
    expect(error).toBeInstanceOf(InputError);
  });

  it('keeps pdfjs reasons on one line', () => {
    expect(explainLoadFailure(new Error('first line\nsecond line'), context()).message).toBe('a b.pdf: the PDF is damaged: page 3 cannot be read (first line second line)');
  });
});

describe('printableName', () => {
  it('leaves spaces, accents and other scripts alone and escapes control characters', () => {
    expect(printableName('Été 2020/Région Île-de-France 日本.pdf')).toBe('Été 2020/Région Île-de-France 日本.pdf');
    expect(printableName('a\rb\u2028c.pdf')).toBe('a\\x0db\\u2028c.pdf');
  });
});
