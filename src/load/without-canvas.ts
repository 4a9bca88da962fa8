// pdfjs-dist's Node build requires @napi-rs/canvas when it is first imported, to polyfill what
// drawing pages needs. Reading text needs none of it, and loading that native library costs each
// process 30–50 ms (measured on Node 24) and puts a graphics library in a process that opens
// untrusted files. This module must be imported before pdfjs-dist: it sends pdfjs's require of the
// canvas to a stub that refuses to draw. On a Node without module.registerHooks (before 22.15) the
// real canvas is loaded as before.
import module from 'node:module';

const CANVAS = '@napi-rs/canvas';
const stubUrl = new URL('./canvas-stub.cjs', import.meta.url).href;

module.registerHooks?.({
  resolve(specifier, context, nextResolve) {
    if (specifier === CANVAS && context.parentURL?.includes('/pdfjs-dist/')) return { url: stubUrl, format: 'commonjs', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
