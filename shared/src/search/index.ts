export * from './normalize.ts';
export * from './contract.ts';
