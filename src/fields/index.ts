export { readCard } from './read-card.ts';
export type { CardContext } from './read-card.ts';
export type { CardDraft, FieldSource } from './types.ts';
