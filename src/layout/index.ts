export { layoutDocument, findBodySize } from './layout-document.ts';
export { findLargestTypeLines } from './largest-type.ts';
export { cleanInline, joinLines, buildLexicon, detectWordBreaking, judgeLineEndHyphen } from './clean-text.ts';
