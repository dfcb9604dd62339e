-- Writes the staged case managers into city $1 with datasets $2: rows with the same key
-- are replaced, the others inserted; the office is looked up by its key. Returns how
-- many rows were inserted and updated (area assignments: replace-case-manager-areas.sql).
WITH upserted AS (
  INSERT INTO case_manager (city_ags, key, employer, employer_kind, funding, languages, fte, office_id, datasets)
  SELECT $1, s.key, s.employer, s.employer_kind, s.funding, s.languages, s.fte, o.id, $2::text[]
  FROM import_case_manager AS s
  LEFT JOIN advisory_office AS o ON o.city_ags = $1 AND o.key = s.office_key
  ON CONFLICT (city_ags, key) DO UPDATE
  SET employer = EXCLUDED.employer, employer_kind = EXCLUDED.employer_kind, funding = EXCLUDED.funding, languages = EXCLUDED.languages,
      fte = EXCLUDED.fte, office_id = EXCLUDED.office_id, datasets = EXCLUDED.datasets
  -- xmax is 0 for a row this statement inserted, the updating transaction's id otherwise
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
FROM upserted;
