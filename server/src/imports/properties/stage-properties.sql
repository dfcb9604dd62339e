-- Stages one batch of a properties import. $1: JSON array of rows as validated in
-- Node, with the point as lon/lat (degrees) or easting/northing (EPSG:25832, transformed here).
INSERT INTO import_property (file_row, key, address, flats, living_area_m2, owner_type, is_problem, position_field, position_text, geom)
SELECT r.file_row, r.key, r.address, r.flats, r.living_area_m2, r.owner_type, r.is_problem, r.position_field, r.position_text,
       CASE
         WHEN r.lon IS NOT NULL AND r.lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)
         WHEN r.easting IS NOT NULL AND r.northing IS NOT NULL THEN ST_Transform(ST_SetSRID(ST_MakePoint(r.easting, r.northing), 25832), 4326)
       END
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, key text, address text, flats integer, living_area_m2 numeric, owner_type text, is_problem boolean,
  lon float8, lat float8, easting float8, northing float8, position_field text, position_text text
);
