-- Zensus 2011 grid cells of a city that meet a bbox; cells of the margin around
-- the city (their centre lies outside it) belong to the neighbours and are left
-- out. Cells with fewer than $6
-- residents (the suppression threshold, server/src/privacy.ts) keep their
-- geometry, since they mark the inhabited area, but lose their figures.
-- $1 city AGS, $2..$5 west, south, east, north (EPSG:4326), $6 minimum residents.
SELECT c.id,
       CASE WHEN c.population < $6
         THEN jsonb_build_object('suppressed', true)
         ELSE jsonb_build_object(
           'suppressed', false,
           'population', c.population,
           'nongerman_share', round(c.nongerman::numeric / nullif(c.population, 0), 3))
       END AS props,
       c.geom
FROM zensus_cell AS c
WHERE c.city_ags = $1
  AND c.inside_city
  AND c.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
ORDER BY c.id
