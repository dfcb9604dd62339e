-- Inserts the city itself as the root area. $1 AGS, $2 name, $3 source ({de, en} jsonb),
-- $4 datasets (text[]), $5 GeoJSON geometry (jsonb).
INSERT INTO area (city_ags, level, key, name, parent_id, provenance, source, datasets, geom)
VALUES ($1, 'city', $1, $2, NULL, 'official', $3::jsonb, $4::text[], ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5::text), 4326)));
