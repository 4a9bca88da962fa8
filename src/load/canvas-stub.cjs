// Stands in for @napi-rs/canvas, which pdfjs-dist loads under Node only to draw pages: this pipeline
// reads text and never draws, so anything that would draw fails here with a clear message.
'use strict';

class NoRendering {
  constructor() {
    throw new Error('pactes-extract reads text only: pdfjs-dist was loaded without a canvas, so it cannot render');
  }
}

module.exports = { DOMMatrix: NoRendering, Path2D: NoRendering, ImageData: NoRendering, createCanvas: () => new NoRendering() };
