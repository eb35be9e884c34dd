/** First words that start an SQL statement; anything else at the prompt is taken as a command name. */
export const SQL_START_WORDS: ReadonlySet<string> = new Set([
  'select', 'with', 'insert', 'update', 'delete', 'merge', 'create', 'alter', 'drop', 'explain', 'analyze', 'analyse',
  'vacuum', 'show', 'set', 'reset', 'begin', 'commit', 'rollback', 'truncate', 'grant', 'revoke', 'comment', 'values',
  'table', 'copy', 'do', 'call', 'refresh', 'reindex', 'cluster', 'lock', 'prepare', 'execute', 'deallocate', 'discard',
  'listen', 'notify', 'unlisten', 'declare', 'fetch', 'close', 'move', 'savepoint', 'release', 'start', 'end', 'abort',
  'security', 'import', 'load', 'checkpoint',
]);

export const SQL_KEYWORDS_FOR_COMPLETION: readonly string[] = [
  'SELECT', 'FROM', 'WHERE', 'GROUP BY', 'ORDER BY', 'LIMIT', 'JOIN', 'LEFT JOIN', 'INSERT INTO', 'UPDATE', 'DELETE FROM',
  'EXPLAIN', 'WITH', 'VALUES', 'RETURNING', 'HAVING', 'DISTINCT', 'COUNT(*)',
];
