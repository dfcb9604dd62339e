-- Zensus 2011 cells inside a city ($1): centre (EPSG:4326) and residents, so that an
-- H3 hexagon's population is the sum of the cells whose centre it contains (as an
-- area's Zensus population is the sum of the cells whose centre lies in it).
SELECT ST_X(centre) AS lon, ST_Y(centre) AS lat, population
FROM zensus_cell
WHERE city_ags = $1 AND inside_city
