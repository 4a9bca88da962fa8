// Loading never reaches the network, and the data pdfjs needs comes from its installed package.
import dns from 'node:dns';
import { promises as fsPromises } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { InputError } from '../../src/model/errors.ts';
import {
  corruptXrefOffsets,
  cutPages,
  makeEncrypted,
  makeHostileFontPdf,
  makeNotPdf,
  makeOtherPublication,
  makePackageDataPdf,
  makeRemoteReferencesPdf,
  makeScannedLike,
  readEdition,
  truncate,
} from '../support/bad-pdfs.ts';

const attempts: string[] = [];
const reads: string[] = [];
const original = {
  fetch: globalThis.fetch,
  connect: net.Socket.prototype.connect,
  lookup: dns.lookup,
  readFile: fsPromises.readFile,
};

beforeAll(() => {
  globalThis.fetch = (async (input: unknown) => {
    attempts.push(`fetch ${String(input)}`);
    throw new Error('network disabled in this test');
  }) as typeof fetch;
  net.Socket.prototype.connect = function (...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network disabled in this test');
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = (host: string) => {
    attempts.push(`dns ${host}`);
    throw new Error('network disabled in this test');
  };
  // pdfjs reaches fs/promises through process.getBuiltinModule, which hands out this same object.
  (fsPromises as { readFile: unknown }).readFile = (file: unknown, ...rest: unknown[]) => {
    reads.push(String(file));
    return (original.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  };
});

afterAll(() => {
  globalThis.fetch = original.fetch;
  net.Socket.prototype.connect = original.connect;
  (dns as { lookup: unknown }).lookup = original.lookup;
  (fsPromises as { readFile: unknown }).readFile = original.readFile;
});

describe('loading without the network', () => {
  it('reads CMap and standard font data from the pdfjs package on disk', async () => {
    reads.length = 0;
    const doc = await loadDocument(makePackageDataPdf(), { fileName: 'cmap.pdf' });
    expect(doc.pages[0]!.items.map((i) => i.text)).toEqual(['あい', 'Standard font text']);
    const packageRoot = path.dirname(import.meta.resolve('pdfjs-dist/package.json').replace(/^file:\/\//, ''));
    expect(reads).toContain(path.join(packageRoot, 'cmaps', '90ms-RKSJ-H.bcmap'));
    expect(reads.some((r) => r.startsWith(path.join(packageRoot, 'standard_fonts') + path.sep))).toBe(true);
    expect(reads.every((r) => r.startsWith(packageRoot + path.sep))).toBe(true);
  });

  it('never opens a connection, whatever the PDF points to', async () => {
    const edition = await readEdition();
    const pages = await cutPages(edition, 11, 12);
    const inputs: [string, Uint8Array, string?][] = [
      ['remote-references.pdf', makeRemoteReferencesPdf()],
      ['hostile-font.pdf', makeHostileFontPdf()],
      ['cmap.pdf', makePackageDataPdf()],
      ['scan.pdf', await makeScannedLike(1)],
      ['other.pdf', await makeOtherPublication()],
      ['locked.pdf', makeEncrypted({ userPassword: 'a', ownerPassword: 'b', revision: 3, text: 'x', title: 'y' })],
      ['locked.pdf', makeEncrypted({ userPassword: 'a', ownerPassword: 'b', revision: 3, text: 'x', title: 'y' }), 'a'],
      ['pages.pdf', pages],
      ['not.pdf', makeNotPdf()],
      ['cut.pdf', truncate(pages, 0.5)],
      ['xref.pdf', corruptXrefOffsets(await cutPages(edition, 11, 12, true))],
    ];
    // The traps work: a fetch and a socket are both caught.
    attempts.length = 0;
    await fetch('http://example.invalid/').catch(() => {});
    expect(() => net.connect({ host: '127.0.0.1', port: 9 })).toThrow(/network disabled/);
    expect(attempts).toHaveLength(2);
    attempts.length = 0;
    for (const [fileName, data, password] of inputs) {
      await loadDocument(data, { fileName, ...(password ? { password } : {}) }).catch((error: unknown) => {
        if (!(error instanceof InputError)) throw error;
      });
    }
    const remote = await loadDocument(makeRemoteReferencesPdf(), { fileName: 'remote-references.pdf' });
    expect(remote.pages[0]!.items.map((i) => i.text).join('')).toBe('Links to elsewhere');
    expect(attempts).toEqual([]);
  });
});
