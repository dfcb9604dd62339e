-- Figures per area of one level ($2) of a city ($1) for a month ($3, first day):
-- registered residents (property_month_residents), the sum of the estimate ranges
-- (sum of lows, sum of highs: a range stays a range), properties, problem
-- properties, visits in the month and the latest visit up to the month's end.
-- Properties count towards every ancestor of their area (area_lineage), so each
-- level adds up to the city. Areas without any property are listed with zeros.
WITH target AS (
  SELECT id, key, name, zensus_population FROM area WHERE city_ags = $1 AND level = $2
),
placed AS (
  SELECT p.id AS property_id, p.is_problem, target.id AS area_id
  FROM property AS p
  JOIN area_lineage AS l ON l.area_id = p.area_id
  JOIN target ON target.id = l.ancestor_id
  WHERE p.city_ags = $1
),
residents AS (
  SELECT placed.area_id,
         sum(r.ro)::int AS ro, sum(r.bg)::int AS bg, sum(r.other)::int AS other,
         sum(r.ro_bg_under6)::int AS ro_bg_under6, sum(r.ro_bg_6to17)::int AS ro_bg_6to17, sum(r.ro_bg_over5y)::int AS ro_bg_over5y
  FROM placed JOIN property_month_residents AS r ON r.property_id = placed.property_id AND r.month = $3::date
  GROUP BY placed.area_id
),
estimates AS (
  SELECT placed.area_id, sum(e.low)::int AS low, sum(e.high)::int AS high
  FROM placed JOIN unregistered_estimate AS e ON e.property_id = placed.property_id AND e.month = $3::date
  GROUP BY placed.area_id
),
visits AS (
  SELECT placed.area_id,
         coalesce(sum(v.visits) FILTER (WHERE v.month = $3::date), 0)::int AS visits,
         max(coalesce(v.visit_date, v.month)) AS last_visit
  FROM placed JOIN visit AS v ON v.property_id = placed.property_id AND v.month <= $3::date
  GROUP BY placed.area_id
),
properties AS (
  SELECT area_id, count(*)::int AS properties, count(*) FILTER (WHERE is_problem)::int AS problem_properties
  FROM placed GROUP BY area_id
)
SELECT target.id AS area_id, target.key, target.name, target.zensus_population,
       coalesce(residents.ro, 0) AS ro, coalesce(residents.bg, 0) AS bg, coalesce(residents.other, 0) AS other,
       coalesce(residents.ro_bg_under6, 0) AS ro_bg_under6, coalesce(residents.ro_bg_6to17, 0) AS ro_bg_6to17,
       coalesce(residents.ro_bg_over5y, 0) AS ro_bg_over5y,
       estimates.low, estimates.high,
       coalesce(properties.properties, 0) AS properties, coalesce(properties.problem_properties, 0) AS problem_properties,
       coalesce(visits.visits, 0) AS visits, to_char(visits.last_visit, 'YYYY-MM-DD') AS last_visit
FROM target
LEFT JOIN residents ON residents.area_id = target.id
LEFT JOIN estimates ON estimates.area_id = target.id
LEFT JOIN visits ON visits.area_id = target.id
LEFT JOIN properties ON properties.area_id = target.id
ORDER BY target.key
