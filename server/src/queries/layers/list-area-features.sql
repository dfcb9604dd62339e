-- Areas of one level of a city that meet a bbox, as (id, props, geom): the shape
-- every tile and GeoJSON layer query returns. $1 city AGS, $2..$5 west, south,
-- east, north (EPSG:4326), $6 level. Area in km² is measured in EPSG:25832.
SELECT a.id,
       jsonb_strip_nulls(jsonb_build_object(
         'key', a.key,
         'name', a.name,
         'level', a.level,
         'parent_name', parent.name,
         'provenance', a.provenance,
         'zensus_population', a.zensus_population,
         'area_km2', round((ST_Area(ST_Transform(a.geom, 25832)) / 1e6)::numeric, 2)
       )) AS props,
       a.geom
FROM area AS a
LEFT JOIN area AS parent ON parent.id = a.parent_id
WHERE a.city_ags = $1
  AND a.level = $6
  AND a.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
ORDER BY a.id
