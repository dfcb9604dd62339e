-- Versions for /api/health: the PostgreSQL server and the PostGIS library.
SELECT current_setting('server_version') AS postgres_version, postgis_lib_version() AS postgis_version
