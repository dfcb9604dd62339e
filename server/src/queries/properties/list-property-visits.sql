-- Visits to a property ($1) per month with their count per topic, oldest first,
-- and the date of the latest visit (a visit known only by month counts as its first day).
SELECT to_char(month, 'YYYY-MM') AS month,
       sum(topic_visits)::int AS visits,
       jsonb_object_agg(topic, topic_visits) AS by_topic,
       to_char(max(last_day), 'YYYY-MM-DD') AS last_visit
FROM (
  SELECT month, topic, sum(visits)::int AS topic_visits, max(coalesce(visit_date, month)) AS last_day
  FROM visit WHERE property_id = $1
  GROUP BY month, topic
) AS per_topic
GROUP BY month
ORDER BY month
