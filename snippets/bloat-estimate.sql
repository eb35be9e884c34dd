-- Rough table bloat: dead tuples and how long since (auto)vacuum; pgstattuple gives exact numbers
SELECT schemaname AS schema, relname AS table, n_live_tup AS live, n_dead_tup AS dead,
       round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0), 1) AS dead_pct,
       greatest(last_vacuum, last_autovacuum) AS last_vacuum,
       pg_size_pretty(pg_relation_size(relid)) AS heap
FROM pg_stat_user_tables
ORDER BY n_dead_tup DESC
LIMIT 30
