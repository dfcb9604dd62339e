-- Releases the lock taken by lock-start-up.sql.
SELECT pg_advisory_unlock(hashtext('quartiersatlas start-up'))
