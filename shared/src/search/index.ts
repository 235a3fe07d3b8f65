export * from './normalize.ts';
export * from './contract.ts';
export * from './ranking.ts';
export * from './synonyms.ts';
export * from './extras.ts';
export * from './index-html.ts';
export * from './numbers.ts';
export * from './query.ts';
