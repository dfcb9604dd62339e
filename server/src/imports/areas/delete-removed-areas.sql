-- Removes the areas of city $1 that the import replaces but the file lacks: of a level
-- present in the staged file, with a key not in it. Properties in them lose their area
-- (assign-property-areas.sql sets it again); their case-manager assignments go with
-- them. Returns how many areas and assignments went.
WITH removed AS (
  SELECT a.id
  FROM area AS a
  WHERE a.city_ags = $1 AND a.level IN (SELECT DISTINCT level FROM import_area)
    AND NOT EXISTS (SELECT 1 FROM import_area AS s WHERE s.key = a.key)
),
assignments AS (
  SELECT count(*)::int AS n FROM case_manager_area WHERE area_id IN (SELECT id FROM removed)
),
deleted AS (
  DELETE FROM area WHERE id IN (SELECT id FROM removed) RETURNING id
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted, (SELECT n FROM assignments) AS lost_assignments;
