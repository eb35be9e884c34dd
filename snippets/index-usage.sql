-- Index usage per table: share of scans using an index (PgHero flags < 95 % on tables over 10,000 rows)
SELECT schemaname AS schema, relname AS table, seq_scan, idx_scan,
       CASE WHEN seq_scan + coalesce(idx_scan, 0) = 0 THEN NULL
            ELSE round(100.0 * coalesce(idx_scan, 0) / (seq_scan + coalesce(idx_scan, 0)), 1) END AS idx_scan_pct,
       n_live_tup AS live_rows
FROM pg_stat_user_tables
ORDER BY seq_scan DESC
LIMIT 30
