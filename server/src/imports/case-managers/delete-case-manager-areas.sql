-- Removes the area assignments of every case manager in the staged file (city $1):
-- the file replaces them (insert-case-manager-areas.sql adds the new ones).
DELETE FROM case_manager_area
WHERE case_manager_id IN (
  SELECT cm.id FROM import_case_manager AS s JOIN case_manager AS cm ON cm.city_ags = $1 AND cm.key = s.key
);
