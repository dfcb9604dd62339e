-- Every table of the public schema (including schema_migrations and PostGIS's
-- spatial_ref_sys), so a test can show that a failed import left every count as it was.
SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;
