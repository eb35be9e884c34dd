/** Table design: a TableDraft, its validation and checklist, and the files and migration it becomes. */
export * from './draft.js';
export { parseFields, applyFields, parseIndex } from './fields.js';
export { evaluate, evaluateLocal, type Evaluated } from './evaluate.js';
export { STEPS, identifierProblem, type Problem, type Step } from './validate.js';
export { draftChecklist, type DraftCheck } from './checklist.js';
export { generateFiles, type DesignFile, type FileRole } from './generate.js';
export { draftMigration } from './migration.js';
export { detectLayout, alembicHead, writeDesign, type DesignLayout } from './layout.js';
export { applyDesign } from './apply.js';
