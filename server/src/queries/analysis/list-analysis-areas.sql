-- The areas of one level ($2) of a city ($1) as analysis units: key, name, Zensus
-- population, provenance, and the geometry in EPSG:25832 (metres), because
-- contiguity and distances of the hotspot statistics are computed there, plus a
-- point on the surface (not the centroid: it lies inside even a U-shaped area) for
-- k-nearest-neighbour and distance-band weights. Coordinates rounded to 1 cm.
SELECT a.id, a.key, a.name, a.zensus_population, a.provenance,
       ST_AsGeoJSON(ST_Transform(a.geom, 25832), 2) AS geometry,
       ST_X(ST_Transform(ST_PointOnSurface(a.geom), 25832)) AS x,
       ST_Y(ST_Transform(ST_PointOnSurface(a.geom), 25832)) AS y
FROM area AS a
WHERE a.city_ags = $1 AND a.level = $2
ORDER BY a.key, a.id
