-- Monthly figures for the thematic-analysis route tests (analysis.test.ts), loaded on
-- top of seeded Herne and server/test/operational-fixture.sql. Hand-written formulas,
-- no randomness: one property 'A-<n>' in each of the 32 statistical districts (n = the
-- district's rank by key, at a point on its surface), and for each of the 24 months
-- 2024-11 … 2026-10 (t = 0 … 23):
--   registered  ro 18-64: n + t; bg 0-5: (n·t) mod 3; other 18-64: 7 (not RO/BG: never counted)
--   estimate    n mod 3 = 0 and t mod 3 = 0: low n, high 2n
--   visits      n mod 5 = 0 and t even: 1 + t mod 4
--   procedure   problem properties are those with n mod 4 = 0; reported 20·n days after
--               2024-11-10, resolved 200 days later when n mod 8 = 0
-- The tests add up their expectations from these tables with their own SQL.
WITH d AS (SELECT id, geom, row_number() OVER (ORDER BY key) AS n FROM area WHERE city_ags = '05916000' AND level = 'district')
INSERT INTO property (city_ags, key, address, area_id, flats, living_area_m2, owner_type, is_problem, datasets, geom)
SELECT '05916000', 'A-' || d.n, 'Analyseweg ' || d.n, d.id, 4, 150.0, 'private', d.n % 4 = 0, ARRAY['city-import'], ST_PointOnSurface(d.geom)
FROM d;

WITH a AS (SELECT id, substr(key, 3)::int AS n FROM property WHERE key LIKE 'A-%'),
     m AS (SELECT t, (date '2024-11-01' + make_interval(months => t))::date AS month FROM generate_series(0, 23) AS t)
INSERT INTO resident_count (property_id, month, nationality, age_group, registered, resident_over_5y, datasets)
SELECT a.id, m.month, v.nationality, v.age_group, v.registered, 0, ARRAY['city-import']
FROM a CROSS JOIN m
CROSS JOIN LATERAL (VALUES ('ro', '18-64', a.n + m.t), ('bg', '0-5', (a.n * m.t) % 3), ('other', '18-64', 7)) AS v(nationality, age_group, registered);

WITH a AS (SELECT id, substr(key, 3)::int AS n FROM property WHERE key LIKE 'A-%'),
     m AS (SELECT t, (date '2024-11-01' + make_interval(months => t))::date AS month FROM generate_series(0, 23) AS t)
INSERT INTO unregistered_estimate (property_id, month, low, high, basis, datasets)
SELECT a.id, m.month, a.n, 2 * a.n, 'Testschätzung', ARRAY['city-import']
FROM a CROSS JOIN m
WHERE a.n % 3 = 0 AND m.t % 3 = 0;

WITH a AS (SELECT id, substr(key, 3)::int AS n FROM property WHERE key LIKE 'A-%'),
     m AS (SELECT t, (date '2024-11-01' + make_interval(months => t))::date AS month FROM generate_series(0, 23) AS t)
INSERT INTO visit (property_id, month, topic, visits, datasets)
SELECT a.id, m.month, 'health', 1 + m.t % 4, ARRAY['city-import']
FROM a CROSS JOIN m
WHERE a.n % 5 = 0 AND m.t % 2 = 0;

WITH a AS (SELECT id, substr(key, 3)::int AS n FROM property WHERE key LIKE 'A-%' AND is_problem)
INSERT INTO property_status_event (property_id, status, event_date)
SELECT a.id, 'reported', date '2024-11-10' + 20 * a.n FROM a
UNION ALL
SELECT a.id, 'resolved', date '2024-11-10' + 20 * a.n + 200 FROM a WHERE a.n % 8 = 0;
