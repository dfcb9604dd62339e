-- Serialises start-up (migrations and the first seed) across API processes that
-- share one database: the second process waits, then finds everything done.
-- Session-level advisory lock; released by unlock-start-up.sql.
SELECT pg_advisory_lock(hashtext('quartiersatlas start-up'))
