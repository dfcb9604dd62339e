-- One property of a city ($1 AGS, $2 id) with the areas containing it (lowest
-- level first), its current status (latest event; on one day the later step) and
-- whether it comes from a synthetic dataset.
SELECT p.id, p.key, p.address, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.flats, p.living_area_m2::float8 AS living_area_m2, p.owner_type, p.is_problem,
       (SELECT e.status FROM property_status_event AS e WHERE e.property_id = p.id
        ORDER BY e.event_date DESC, property_status_rank(e.status) DESC LIMIT 1) AS status,
       coalesce((
         SELECT jsonb_agg(jsonb_build_object('id', a.id, 'key', a.key, 'name', a.name, 'level', a.level)
                          ORDER BY CASE a.level WHEN 'district' THEN 0 WHEN 'quarter' THEN 1 WHEN 'borough' THEN 2 ELSE 3 END)
         FROM area_lineage AS l JOIN area AS a ON a.id = l.ancestor_id
         WHERE l.area_id = p.area_id
       ), '[]'::jsonb) AS areas,
       EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = ANY (p.datasets) AND d.synthetic) AS synthetic
FROM property AS p
WHERE p.city_ags = $1 AND p.id = $2
