-- Coverage of each area of one level ($2) of a city ($1) in a month ($3, first
-- day): the case managers covering it (assigned to the area, to an area containing
-- it, or to an area inside it), the languages they speak, the registered Romanian
-- and Bulgarian residents, and the latest visit up to the month's end.
WITH target AS (
  SELECT id, key, name FROM area WHERE city_ags = $1 AND level = $2
),
covering AS (
  SELECT DISTINCT target.id AS area_id, cma.case_manager_id
  FROM target
  JOIN case_manager_area AS cma
    ON cma.area_id IN (SELECT ancestor_id FROM area_lineage WHERE area_id = target.id)
    OR cma.area_id IN (SELECT area_id FROM area_lineage WHERE ancestor_id = target.id)
),
residents AS (
  SELECT l.ancestor_id AS area_id, sum(r.ro)::int AS ro, sum(r.bg)::int AS bg
  FROM property AS p
  JOIN area_lineage AS l ON l.area_id = p.area_id
  JOIN property_month_residents AS r ON r.property_id = p.id AND r.month = $3::date
  WHERE p.city_ags = $1 AND l.ancestor_id IN (SELECT id FROM target)
  GROUP BY l.ancestor_id
),
last_visit AS (
  SELECT l.ancestor_id AS area_id, max(coalesce(v.visit_date, v.month)) AS last_visit
  FROM visit AS v
  JOIN property AS p ON p.id = v.property_id
  JOIN area_lineage AS l ON l.area_id = p.area_id
  WHERE p.city_ags = $1 AND v.month <= $3::date AND l.ancestor_id IN (SELECT id FROM target)
  GROUP BY l.ancestor_id
)
SELECT target.id AS area_id, target.key, target.name,
       coalesce(array_agg(DISTINCT covering.case_manager_id) FILTER (WHERE covering.case_manager_id IS NOT NULL), ARRAY[]::int[]) AS case_manager_ids,
       coalesce(array_agg(DISTINCT language) FILTER (WHERE language IS NOT NULL), ARRAY[]::text[]) AS languages,
       coalesce(residents.ro, 0) AS ro, coalesce(residents.bg, 0) AS bg,
       to_char(last_visit.last_visit, 'YYYY-MM-DD') AS last_visit
FROM target
LEFT JOIN covering ON covering.area_id = target.id
LEFT JOIN case_manager AS cm ON cm.id = covering.case_manager_id
LEFT JOIN LATERAL unnest(cm.languages) AS language ON true
LEFT JOIN residents ON residents.area_id = target.id
LEFT JOIN last_visit ON last_visit.area_id = target.id
GROUP BY target.id, target.key, target.name, residents.ro, residents.bg, last_visit.last_visit
ORDER BY target.key
