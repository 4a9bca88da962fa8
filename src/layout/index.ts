export { layoutDocument, findBodySize } from './layout-document.ts';
export { cleanInline, joinLines, buildLexicon } from './clean-text.ts';
