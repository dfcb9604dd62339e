-- The city row of an AGS ($1), if the city was seeded already.
SELECT name FROM area WHERE city_ags = $1 AND level = 'city'
