-- The record of applied migrations: version, file name and a checksum of the
-- file, so an edited migration is noticed instead of silently skipped.
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)
