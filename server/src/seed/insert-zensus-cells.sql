-- Loads Zensus 2011 100 m cells of a city from the Gaffuri/Destatis GeoJSON
-- (properties STAATSANGE_GRP_1 = German, _21 = EU27, _22/_23/_24 = other).
-- $1 city AGS, $2 datasets (text[]), $3 FeatureCollection (jsonb).
-- A cell belongs to the city when its centre lies inside the city polygon.
WITH city AS (SELECT geom FROM area WHERE city_ags = $1 AND level = 'city'),
cells AS (
  SELECT f->'properties' AS p, ST_SetSRID(ST_GeomFromGeoJSON((f->'geometry')::text), 4326) AS geom
  FROM jsonb_array_elements($3::jsonb->'features') AS f
)
INSERT INTO zensus_cell (city_ags, cell_id, population, german, nongerman, eu27, inside_city, datasets, centre, geom)
SELECT $1, p->>'cell_id', (p->>'pop_sum_grp')::int, (p->>'STAATSANGE_GRP_1')::int, (p->>'nongerman_sum_grp')::int,
       (p->>'STAATSANGE_GRP_21')::int,
       ST_Intersects(city.geom, ST_SetSRID(ST_MakePoint((p->>'centre_lon')::float8, (p->>'centre_lat')::float8), 4326)),
       $2::text[], ST_SetSRID(ST_MakePoint((p->>'centre_lon')::float8, (p->>'centre_lat')::float8), 4326), cells.geom
FROM cells, city;
