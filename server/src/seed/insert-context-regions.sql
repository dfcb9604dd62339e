-- Loads neighbouring regions drawn as grey context. $1 datasets (text[]),
-- $2 jsonb array of {ags, name, geometry}. Regions already present are kept.
INSERT INTO context_region (ags, name, datasets, geom)
SELECT r->>'ags', r->>'name', $1::text[], ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON((r->'geometry')::text), 4326))
FROM jsonb_array_elements($2::jsonb) AS r
ON CONFLICT (ags) DO NOTHING;
