-- Problems of a staged residents import that need the whole file or the database: the
-- same property, month, nationality and age group twice; a property key the city ($1)
-- does not have. One row per problem, the first 100 by row, with the total.
WITH duplicate_rows AS (
  SELECT file_row, 'property_key' AS field, property_key AS value, 'duplicate' AS code, first_row::text AS detail
  FROM (SELECT file_row, property_key, min(file_row) OVER (PARTITION BY property_key, month, nationality, age_group) AS first_row
        FROM import_resident
        WHERE property_key IS NOT NULL AND month IS NOT NULL AND nationality IS NOT NULL AND age_group IS NOT NULL) AS keyed
  WHERE file_row <> first_row
),
unknown_properties AS (
  SELECT s.file_row, 'property_key', s.property_key, 'no_property', NULL
  FROM import_resident AS s
  WHERE s.property_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM property AS p WHERE p.city_ags = $1 AND p.key = s.property_key)
),
problems AS (
  SELECT * FROM duplicate_rows
  UNION ALL SELECT * FROM unknown_properties
)
SELECT file_row, field, value, code, detail, count(*) OVER ()::int AS total
FROM problems
ORDER BY file_row, field, value, detail
LIMIT 100;
