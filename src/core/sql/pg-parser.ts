type PgQuery = typeof import('libpg-query');

let mod: PgQuery | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads PostgreSQL's parser (libpg-query, WASM) once. It is imported here and nowhere else, on
 * first use: instantiating it at module load cost every start ~250 ms, panes that never parse SQL included.
 */
export const ensureParser = (): Promise<void> =>
  (loading ??= import('libpg-query').then(async (m) => {
    await m.loadModule();
    mod = m;
  }));

/** The loaded parser; `ensureParser()` must have resolved before. */
export function pgParser(): PgQuery {
  if (!mod) throw new Error('the SQL parser is not loaded yet (await ensureParser() first)');
  return mod;
}
