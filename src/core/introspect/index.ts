/**
 * Introspection: one-round-trip catalog reads into a SchemaSnapshot (see types.ts and
 * design/introspection.md). Everything other parts of Tablewright need is exported here.
 */
export * from './types.js';
export { readSnapshot } from './read.js';
export { readRelationList } from './relation-list.js';
export { readCachedRelationList, saveRelationList, type CachedRelationList } from './list-cache.js';
export { loadSnapshotCached, type CachedLoad } from './cache.js';
export { readFingerprint } from './fingerprint.js';
export { getDefinition, loadDefinitions } from './definitions.js';
export { serializeSnapshot, parseSnapshot } from './serialize.js';
export { normalizeSnapshot } from './normalize.js';
export { snapshotCacheDir } from './cache.js';
export { closeMatches, findObject, splitName, type FoundObject } from './lookup.js';
export { describeTable, describeRelations, referencedBy, prettyBytes } from './describe.js';
export { findTable, findRelation } from './lookup.js';
export { listSchemas, assertSchemasExist, readRelationSize } from './schema-names.js';
