-- Registers the datasets named in data/datasets.json ($1: jsonb array of
-- {id, title, attribution, licence, synthetic}); a changed attribution is updated.
INSERT INTO dataset (id, title, attribution, licence, synthetic)
SELECT d->>'id', d->>'title', d->>'attribution', d->>'licence', (d->>'synthetic')::boolean
FROM jsonb_array_elements($1::jsonb) AS d
ON CONFLICT (id) DO UPDATE
SET title = EXCLUDED.title, attribution = EXCLUDED.attribution, licence = EXCLUDED.licence, synthetic = EXCLUDED.synthetic;
