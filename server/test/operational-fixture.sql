-- A small, hand-checkable operational data set on top of seeded Herne, for route
-- tests: 3 properties in the first two statistical districts (by key), residents
-- for 2026-09 and 2026-10, estimate ranges, a WohnStG timeline, two case managers
-- and visits. Every figure the tests assert can be added up from this file.
INSERT INTO advisory_office (city_ags, key, name, address, datasets, geom)
SELECT '05916000', 'T-BS-1', 'Beratungsstelle Test', 'Teststraße 1', ARRAY['city-import'], ST_PointOnSurface(geom)
FROM area WHERE key = '05916000-B-wanne';

WITH d AS (SELECT id, key, geom, row_number() OVER (ORDER BY key) AS n FROM area WHERE city_ags = '05916000' AND level = 'district')
INSERT INTO property (city_ags, key, address, area_id, flats, living_area_m2, owner_type, is_problem, datasets, geom)
SELECT '05916000', v.key, v.address, d.id, v.flats, v.m2, v.owner, v.problem, ARRAY['city-import'], ST_PointOnSurface(d.geom)
FROM (VALUES ('T-1', 'Teststraße 10', 1, 6, 200.0, 'private', true),
             ('T-2', 'Teststraße 12', 1, 2, 120.0, 'company', false),
             ('T-3', 'Teststraße 14', 2, 4, 200.0, 'municipal', true)) AS v(key, address, district, flats, m2, owner, problem)
JOIN d ON d.n = v.district;

INSERT INTO resident_count (property_id, month, nationality, age_group, registered, resident_over_5y, datasets)
SELECT p.id, v.month::date, v.nat, v.age, v.n, v.over5, ARRAY['city-import']
FROM (VALUES ('T-1', '2026-10-01', 'ro', '0-5', 4, 0), ('T-1', '2026-10-01', 'ro', '18-64', 10, 3), ('T-1', '2026-10-01', 'bg', '6-17', 3, 1),
             ('T-1', '2026-10-01', 'other', '18-64', 2, 2), ('T-1', '2026-09-01', 'ro', '18-64', 9, 3),
             ('T-2', '2026-10-01', 'bg', '18-64', 5, 5),
             ('T-3', '2026-10-01', 'bg', '0-5', 2, 0), ('T-3', '2026-10-01', 'bg', '18-64', 6, 2)) AS v(key, month, nat, age, n, over5)
JOIN property AS p ON p.key = v.key;

INSERT INTO unregistered_estimate (property_id, month, low, high, basis, datasets)
SELECT p.id, v.month::date, v.low, v.high, v.basis, ARRAY['city-import']
FROM (VALUES ('T-1', '2026-10-01', 5, 12, 'Begehung Ordnungsamt'), ('T-3', '2026-10-01', 2, 4, 'Hinweis Schule')) AS v(key, month, low, high, basis)
JOIN property AS p ON p.key = v.key;

INSERT INTO property_status_event (property_id, status, event_date, note)
SELECT p.id, v.status, v.day::date, v.note
FROM (VALUES ('T-1', 'reported', '2025-03-02', 'Hinweis Nachbarschaft'), ('T-1', 'inspected', '2025-04-10', NULL),
             ('T-1', 'defects_found', '2025-04-10', 'Schimmel in 3 Wohnungen'), ('T-1', 'order_issued', '2025-06-01', NULL),
             ('T-3', 'reported', '2026-11-05', NULL)) AS v(key, status, day, note)
JOIN property AS p ON p.key = v.key;

INSERT INTO case_manager (city_ags, key, employer, employer_kind, funding, languages, fte, office_id, datasets)
SELECT '05916000', v.key, v.employer, v.kind, v.funding, v.languages, v.fte, o.id, ARRAY['city-import']
FROM (VALUES ('T-FM-1', 'Stadt Herne', 'city', 'municipal', ARRAY['de', 'ro'], 1.0),
             ('T-FM-2', 'Freier Träger A', 'charity', 'kim', ARRAY['de', 'tr'], 0.5)) AS v(key, employer, kind, funding, languages, fte)
CROSS JOIN advisory_office AS o WHERE o.key = 'T-BS-1';

-- T-FM-1 covers district 1 alone; district 2 is shared by both.
INSERT INTO case_manager_area (case_manager_id, area_id)
SELECT cm.id, d.id
FROM (VALUES ('T-FM-1', 1), ('T-FM-1', 2), ('T-FM-2', 2)) AS v(cm, district)
JOIN case_manager AS cm ON cm.key = v.cm
JOIN (SELECT id, row_number() OVER (ORDER BY key) AS n FROM area WHERE city_ags = '05916000' AND level = 'district') AS d ON d.n = v.district;

INSERT INTO visit (property_id, case_manager_id, month, visit_date, topic, visits, datasets)
SELECT p.id, cm.id, date_trunc('month', v.day::date)::date, v.day::date, v.topic, v.n, ARRAY['city-import']
FROM (VALUES ('T-1', 'T-FM-1', '2026-10-20', 'health', 2), ('T-1', 'T-FM-1', '2026-10-21', 'school', 1),
             ('T-3', 'T-FM-2', '2026-06-15', 'energy_water', 1)) AS v(key, cm, day, topic, n)
JOIN property AS p ON p.key = v.key
JOIN case_manager AS cm ON cm.key = v.cm;
