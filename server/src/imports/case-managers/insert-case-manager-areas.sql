-- Assigns every case manager in the staged file (city $1) to the areas its area_keys
-- list; an empty list leaves it without areas.
INSERT INTO case_manager_area (case_manager_id, area_id)
SELECT cm.id, a.id
FROM import_case_manager AS s
JOIN case_manager AS cm ON cm.city_ags = $1 AND cm.key = s.key
CROSS JOIN LATERAL unnest(s.area_keys) AS k (area_key)
JOIN area AS a ON a.city_ags = $1 AND a.key = k.area_key;
