-- Stages one batch of an offices import. $1: JSON array of rows as validated in Node,
-- with the point as lon/lat (degrees) or easting/northing (EPSG:25832, transformed here).
INSERT INTO import_office (file_row, key, name, address, position_field, position_text, geom)
SELECT r.file_row, r.key, r.name, r.address, r.position_field, r.position_text,
       CASE
         WHEN r.lon IS NOT NULL AND r.lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)
         WHEN r.easting IS NOT NULL AND r.northing IS NOT NULL THEN ST_Transform(ST_SetSRID(ST_MakePoint(r.easting, r.northing), 25832), 4326)
       END
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, key text, name text, address text,
  lon float8, lat float8, easting float8, northing float8, position_field text, position_text text
);
