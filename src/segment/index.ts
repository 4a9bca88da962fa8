export { segmentDocument, titleSimilarity } from './segment-document.ts';
export type { CardPages, SegmentedDocument, TocEntry } from './types.ts';
