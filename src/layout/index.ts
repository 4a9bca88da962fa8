export { layoutDocument, findBodySize } from './layout-document.ts';
export { cleanInline, joinLines, buildLexicon, detectWordBreaking, judgeLineEndHyphen } from './clean-text.ts';
