-- One area of a city by id ($1 city AGS, $2 id) with its parent, its area in km²
-- (EPSG:25832), the number of its children and the official names of the units
-- one level below that have no geometry yet (matched by the parent's name).
SELECT a.id, a.key, a.name, a.level, a.provenance, a.source, a.method, a.zensus_population,
       round((ST_Area(ST_Transform(a.geom, 25832)) / 1e6)::numeric, 2)::float8 AS area_km2,
       CASE WHEN parent.id IS NULL THEN NULL
            ELSE jsonb_build_object('id', parent.id, 'key', parent.key, 'name', parent.name, 'level', parent.level) END AS parent,
       (SELECT count(*)::int FROM area AS child WHERE child.parent_id = a.id) AS child_count,
       coalesce((
         SELECT array_agg(n.name ORDER BY n.name)
         FROM area_official_name AS n
         WHERE n.city_ags = a.city_ags
           AND n.level = CASE a.level WHEN 'city' THEN 'borough' WHEN 'borough' THEN 'quarter' WHEN 'quarter' THEN 'district' END
           AND (a.level = 'city' OR n.parent_name = a.name)
       ), ARRAY[]::text[]) AS official_names
FROM area AS a
LEFT JOIN area AS parent ON parent.id = a.parent_id
WHERE a.city_ags = $1 AND a.id = $2
