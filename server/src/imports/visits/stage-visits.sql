-- Stages one batch of a visits import. $1: JSON array of rows as validated in Node.
INSERT INTO import_visit (file_row, property_key, month, visit_date, topic, case_manager_key, visits)
SELECT r.file_row, r.property_key, r.month, r.visit_date, r.topic, r.case_manager_key, r.visits
FROM jsonb_to_recordset($1::jsonb) AS r (
  file_row integer, property_key text, month date, visit_date date, topic text, case_manager_key text, visits integer
);
