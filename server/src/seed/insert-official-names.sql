-- Keeps the real names of units that have no public boundary yet.
-- $1 city AGS, $2 jsonb array of {level, name, parent_name, source_url}.
INSERT INTO area_official_name (city_ags, level, name, parent_name, source_url)
SELECT $1, n->>'level', n->>'name', n->>'parent_name', n->>'source_url'
FROM jsonb_array_elements($2::jsonb) AS n
ON CONFLICT DO NOTHING;
