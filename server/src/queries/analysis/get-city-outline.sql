-- The city's ($1) boundary as GeoJSON (EPSG:4326): the H3 grid covers it.
SELECT ST_AsGeoJSON(geom, 7) AS geometry FROM area WHERE city_ags = $1 AND level = 'city'
