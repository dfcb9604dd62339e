-- Residents of a property ($1) per month: registered counts and, where there is
-- one, the estimate range of unregistered residents with its basis; every month
-- that has either, oldest first. all_under6/all_6plus (every nationality) feed the
-- overcrowding check.
SELECT to_char(coalesce(r.month, e.month), 'YYYY-MM') AS month,
       coalesce(r.ro, 0) AS ro, coalesce(r.bg, 0) AS bg, coalesce(r.other, 0) AS other,
       coalesce(r.ro_bg_under6, 0) AS ro_bg_under6, coalesce(r.ro_bg_6to17, 0) AS ro_bg_6to17,
       coalesce(r.ro_bg_over5y, 0) AS ro_bg_over5y,
       coalesce(r.all_under6, 0) AS all_under6, coalesce(r.all_6plus, 0) AS all_6plus,
       e.low, e.high, e.basis
FROM (SELECT * FROM property_month_residents WHERE property_id = $1) AS r
FULL JOIN (SELECT * FROM unregistered_estimate WHERE property_id = $1) AS e ON e.month = r.month
ORDER BY month
