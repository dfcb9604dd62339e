-- Stages one batch of an estimates import. $1: JSON array of rows as validated in Node.
INSERT INTO import_estimate (file_row, property_key, month, low, high, basis)
SELECT r.file_row, r.property_key, r.month, r.low, r.high, r.basis
FROM jsonb_to_recordset($1::jsonb) AS r (file_row integer, property_key text, month date, low integer, high integer, basis text);
