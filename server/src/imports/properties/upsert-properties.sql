-- Writes the staged properties into city $1 with datasets $2: rows whose key exists are
-- updated, the others inserted. Each property gets the lowest-level area that contains
-- it (district, else quarter, else borough, else NULL; ties by id), the same rule as
-- ../areas/assign-property-areas.sql. Returns how many rows were inserted and updated.
--
-- UPDATE + INSERT rather than INSERT … ON CONFLICT: the file has no duplicate keys
-- (check-properties.sql), and a plain insert of 100,000 rows takes half the time of a
-- speculative one. Both run in one statement, on the same snapshot, on disjoint keys.
WITH located AS MATERIALIZED (
  -- areas as the outer loop: each polygon is prepared once for all its points
  SELECT DISTINCT ON (s.file_row) s.file_row, a.id AS area_id
  FROM area AS a
  JOIN import_property AS s ON ST_Covers(a.geom, s.geom)
  WHERE a.city_ags = $1 AND a.level <> 'city'
  ORDER BY s.file_row, CASE a.level WHEN 'district' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, a.id
),
updated AS (
  UPDATE property AS p
  SET address = s.address, area_id = l.area_id, flats = s.flats, living_area_m2 = s.living_area_m2,
      owner_type = s.owner_type, is_problem = s.is_problem, datasets = $2::text[], geom = s.geom
  FROM import_property AS s
  LEFT JOIN located AS l ON l.file_row = s.file_row
  WHERE p.city_ags = $1 AND p.key = s.key
  RETURNING 1
),
inserted AS (
  INSERT INTO property (city_ags, key, address, area_id, flats, living_area_m2, owner_type, is_problem, datasets, geom)
  SELECT $1, s.key, s.address, l.area_id, s.flats, s.living_area_m2, s.owner_type, s.is_problem, $2::text[], s.geom
  FROM import_property AS s
  LEFT JOIN located AS l ON l.file_row = s.file_row
  WHERE NOT EXISTS (SELECT 1 FROM property AS p WHERE p.city_ags = $1 AND p.key = s.key)
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated;
