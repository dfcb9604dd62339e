-- Turns a layer's features (id, props, geom) into GeoJSON geometries, for the
-- GeoJSON API and for encoding tiles in Node where ST_AsMVT is missing.
-- 7 decimals (~1 cm) keep geometry as exact as the sources.
WITH features AS (
  {{features}}
)
SELECT f.id, f.props, ST_AsGeoJSON(f.geom, 7)::json AS geometry
FROM features AS f
