-- Names for points of a city ($1): for each point ($2 longitudes, $3 latitudes, EPSG:4326,
-- in order) the finest area level the city has, and in it the area containing the point,
-- or the nearest one for a point just outside the boundary (an H3 cell cut by it). Gives
-- hexagons names a planner can place ("Wanne 3.2 · 2") instead of bare H3 indexes.
WITH finest AS (
  SELECT level FROM area
  WHERE city_ags = $1 AND level <> 'city'
  GROUP BY level
  ORDER BY array_position(ARRAY['district', 'quarter', 'borough'], level)
  LIMIT 1
)
SELECT p.i::int AS i, nearest.name
FROM unnest($2::float8[], $3::float8[]) WITH ORDINALITY AS p(lon, lat, i)
CROSS JOIN finest
LEFT JOIN LATERAL (
  SELECT a.name FROM area AS a
  WHERE a.city_ags = $1 AND a.level = finest.level
  ORDER BY a.geom <-> ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)
  LIMIT 1
) AS nearest ON true
ORDER BY p.i
