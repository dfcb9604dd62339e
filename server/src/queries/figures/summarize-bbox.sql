-- Totals over a city's ($1) properties inside a bbox ($2..$5 west, south, east,
-- north) for a month ($6, first day): what the side panel shows for the map view.
WITH inside AS (
  SELECT id, is_problem FROM property
  WHERE city_ags = $1 AND geom && ST_MakeEnvelope($2, $3, $4, $5, 4326)
)
SELECT (SELECT count(*)::int FROM inside) AS properties,
       (SELECT count(*) FILTER (WHERE is_problem)::int FROM inside) AS problem_properties,
       coalesce(sum(r.ro), 0)::int AS ro, coalesce(sum(r.bg), 0)::int AS bg, coalesce(sum(r.other), 0)::int AS other,
       coalesce(sum(r.ro_bg_under6), 0)::int AS ro_bg_under6, coalesce(sum(r.ro_bg_6to17), 0)::int AS ro_bg_6to17,
       coalesce(sum(r.ro_bg_over5y), 0)::int AS ro_bg_over5y,
       (SELECT sum(low)::int FROM unregistered_estimate WHERE month = $6::date AND property_id IN (SELECT id FROM inside)) AS low,
       (SELECT sum(high)::int FROM unregistered_estimate WHERE month = $6::date AND property_id IN (SELECT id FROM inside)) AS high,
       (SELECT coalesce(sum(visits), 0)::int FROM visit WHERE month = $6::date AND property_id IN (SELECT id FROM inside)) AS visits
FROM inside LEFT JOIN property_month_residents AS r ON r.property_id = inside.id AND r.month = $6::date
