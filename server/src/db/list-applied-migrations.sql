-- Migrations already applied, with the checksum they had.
SELECT version, name, checksum FROM schema_migrations
