// What the engine benchmark loads: the engine exactly as the server bundles it,
// and the same yaml's parseDocument as the floor to compare it with.
export * from '../server/src/engine/index';
export { parseDocument } from 'yaml';
