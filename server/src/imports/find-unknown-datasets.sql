-- Which of the dataset ids an import names ($1 text[]) are not registered in table
-- `dataset` (data/datasets.json, loaded by the seed): every row must name real datasets.
SELECT wanted.id
FROM unnest($1::text[]) AS wanted (id)
WHERE NOT EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = wanted.id)
ORDER BY wanted.id;
