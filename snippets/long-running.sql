-- Statements running for more than a minute (PgHero's threshold), longest first
SELECT pid, usename AS user, state, now() - coalesce(query_start, xact_start) AS running_for,
       wait_event_type, left(query, 160) AS query
FROM pg_stat_activity
WHERE state <> 'idle' AND pid <> pg_backend_pid()
  AND now() - coalesce(query_start, xact_start) > interval '60 seconds'
ORDER BY running_for DESC
