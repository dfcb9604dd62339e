-- Stages one batch of a case-managers import. $1: JSON array of rows as validated in
-- Node (languages and area_keys as JSON arrays, which become text[]).
INSERT INTO import_case_manager (file_row, key, employer, employer_kind, funding, languages, fte, office_key, area_keys)
SELECT r.file_row, r.key, r.employer, r.employer_kind, r.funding, r.languages, r.fte, r.office_key, r.area_keys
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, key text, employer text, employer_kind text, funding text, languages text[], fte numeric, office_key text, area_keys text[]
);
