-- The properties of a city ($1) as analysis input: the area of a level ($2) that
-- contains each one (through area_lineage, so a property placed in a district
-- counts for its quarter and borough too; NULL when it lies in no area of the
-- level), whether it is a problem property, its position (EPSG:4326, for the H3
-- index) and whether it comes from a synthetic dataset.
SELECT p.id, p.is_problem, l.ancestor_id AS unit_area_id,
       ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
       EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = ANY (p.datasets) AND d.synthetic) AS synthetic
FROM property AS p
LEFT JOIN (
  SELECT l.area_id, l.ancestor_id
  FROM area_lineage AS l JOIN area AS a ON a.id = l.ancestor_id
  WHERE a.city_ags = $1 AND a.level = $2
) AS l ON l.area_id = p.area_id
WHERE p.city_ags = $1
ORDER BY p.id
