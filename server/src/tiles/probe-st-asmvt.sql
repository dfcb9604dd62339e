-- Fails where PostGIS was built without protobuf-c (PGlite): then tiles are encoded in Node.
SELECT ST_AsMVT(t, 'probe') FROM (SELECT ST_AsMVTGeom(ST_Point(0, 0), ST_TileEnvelope(0, 0, 0)) AS geom) AS t
