-- The case managers of a city ($1) for a month ($2, first day), with their office,
-- assigned areas, visits in the month, and their share of the residents in their
-- areas: each area's registered Romanian and Bulgarian residents and estimate
-- range, divided by the number of case managers assigned to it (a shared area
-- counts part to each). Pseudonyms only.
WITH assignment AS (
  SELECT cma.case_manager_id, cma.area_id,
         count(*) OVER (PARTITION BY cma.area_id) AS sharing
  FROM case_manager_area AS cma JOIN case_manager AS cm ON cm.id = cma.case_manager_id
  WHERE cm.city_ags = $1
),
area_load AS (
  SELECT l.ancestor_id AS area_id,
         coalesce(sum(r.ro + r.bg), 0) AS ro_bg,
         coalesce(sum(e.low), 0) AS low,
         coalesce(sum(e.high), 0) AS high
  FROM property AS p
  JOIN area_lineage AS l ON l.area_id = p.area_id
  LEFT JOIN property_month_residents AS r ON r.property_id = p.id AND r.month = $2::date
  LEFT JOIN unregistered_estimate AS e ON e.property_id = p.id AND e.month = $2::date
  WHERE p.city_ags = $1 AND l.ancestor_id IN (SELECT area_id FROM assignment)
  GROUP BY l.ancestor_id
),
load AS (
  SELECT a.case_manager_id,
         array_agg(a.area_id ORDER BY a.area_id) AS area_ids,
         coalesce(sum(al.ro_bg::numeric / a.sharing), 0)::float8 AS ro_bg,
         coalesce(sum(al.low::numeric / a.sharing), 0)::float8 AS low,
         coalesce(sum(al.high::numeric / a.sharing), 0)::float8 AS high
  FROM assignment AS a LEFT JOIN area_load AS al ON al.area_id = a.area_id
  GROUP BY a.case_manager_id
),
visits AS (
  SELECT v.case_manager_id, sum(v.visits)::int AS visits, to_char(max(coalesce(v.visit_date, v.month)), 'YYYY-MM-DD') AS last_visit
  FROM visit AS v WHERE v.month = $2::date
  GROUP BY v.case_manager_id
)
SELECT cm.id, cm.key, cm.employer, cm.employer_kind, cm.funding, cm.languages, cm.fte::float8 AS fte,
       o.key AS office_key, o.name AS office_name,
       coalesce(load.area_ids, ARRAY[]::int[]) AS area_ids,
       coalesce(load.ro_bg, 0) AS ro_bg, coalesce(load.low, 0) AS low, coalesce(load.high, 0) AS high,
       coalesce(visits.visits, 0) AS visits, visits.last_visit,
       EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = ANY (cm.datasets) AND d.synthetic) AS synthetic
FROM case_manager AS cm
LEFT JOIN advisory_office AS o ON o.id = cm.office_id
LEFT JOIN load ON load.case_manager_id = cm.id
LEFT JOIN visits ON visits.case_manager_id = cm.id
WHERE cm.city_ags = $1
ORDER BY cm.key
