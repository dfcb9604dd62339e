-- Loads the neighbouring regions of a city, drawn as grey context. $1 city AGS,
-- $2 datasets (text[]), $3 jsonb array of {ags, name, geometry}. Regions already present are kept.
INSERT INTO context_region (city_ags, ags, name, datasets, geom)
SELECT $1, r->>'ags', r->>'name', $2::text[], ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON((r->'geometry')::text), 4326))
FROM jsonb_array_elements($3::jsonb) AS r
ON CONFLICT (city_ags, ags) DO NOTHING;
