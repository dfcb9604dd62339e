-- Encodes one layer's features as a Mapbox vector tile with PostGIS' ST_AsMVT.
-- The features placeholder below takes the layer's list-*-features.sql (id, props, geom); jsonb props
-- become tile attributes. $z, $x, $y, $name are numbered after the layer's own
-- parameters when the query is prepared (tile-encoder.ts). Extent 4096, buffer 64.
WITH features AS (
  {{features}}
)
SELECT ST_AsMVT(tile, $name, 4096, 'geom', 'id') AS mvt
FROM (
  SELECT f.id, f.props, ST_AsMVTGeom(ST_Transform(f.geom, 3857), ST_TileEnvelope($z, $x, $y), 4096, 64, true) AS geom
  FROM features AS f
) AS tile
WHERE tile.geom IS NOT NULL
