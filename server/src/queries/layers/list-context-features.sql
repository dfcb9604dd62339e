-- The city's neighbouring regions (grey context) that meet a bbox.
-- $1 city AGS, $2..$5 west, south, east, north (EPSG:4326).
SELECT r.id,
       jsonb_strip_nulls(jsonb_build_object('name', r.name, 'ags', r.ags)) AS props,
       r.geom
FROM context_region AS r
WHERE r.city_ags = $1
  AND r.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
ORDER BY r.id
