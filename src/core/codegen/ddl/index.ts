/** DDL rendered from a SchemaSnapshot in TypeScript (no server round trip). */
export { renderTable, renderIndex, renderPolicy, renderTrigger, columnLine, constraintLines } from './table.js';
export { renderSequence, renderType } from './objects.js';
export { ident, qname, qref, lit } from './quote.js';
export { renderGrants } from './grants.js';
