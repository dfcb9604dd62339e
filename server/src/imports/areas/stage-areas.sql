-- Stages one batch of an areas import. $1: JSON array of rows as validated in Node, each
-- with its GeoJSON geometry and the file's SRID (4326, or 25832 transformed here);
-- a third dimension is dropped.
INSERT INTO import_area (file_row, key, name, level, parent_key, provenance, source, method, geom)
SELECT r.file_row, r.key, r.name, r.level, r.parent_key, r.provenance, r.source, r.method,
       CASE WHEN r.geometry IS NOT NULL THEN
         ST_Multi(ST_Force2D(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), r.srid), 4326)))
       END
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, key text, name text, level text, parent_key text, provenance text, source jsonb, method jsonb, geometry jsonb, srid integer
);
