-- Whether any resident count, estimate or visit of a city ($1) comes from a
-- synthetic dataset: every figure shown from them is then labelled synthetic.
SELECT EXISTS (
  SELECT 1 FROM property AS p
  JOIN dataset AS d ON d.id = ANY (p.datasets)
  WHERE p.city_ags = $1 AND d.synthetic
) OR EXISTS (
  SELECT 1 FROM resident_count AS r
  JOIN property AS p ON p.id = r.property_id
  JOIN dataset AS d ON d.id = ANY (r.datasets)
  WHERE p.city_ags = $1 AND d.synthetic
) AS synthetic
