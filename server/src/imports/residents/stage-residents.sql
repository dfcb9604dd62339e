-- Stages one batch of a residents import. $1: JSON array of rows as validated in Node.
INSERT INTO import_resident (file_row, property_key, month, nationality, age_group, registered, resident_over_5y)
SELECT r.file_row, r.property_key, r.month, r.nationality, r.age_group, r.registered, r.resident_over_5y
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, property_key text, month date, nationality text, age_group text, registered integer, resident_over_5y integer
);
