-- Prepares the staged properties for locating them in areas: a spatial index and
-- fresh statistics (temporary tables are never analysed automatically), so that
-- upsert-properties.sql can walk area by area and test each area's points against one
-- prepared polygon, instead of testing every point against several polygons in turn.
-- Returns nothing.
CREATE INDEX ON import_property USING gist (geom);
ANALYZE import_property;
