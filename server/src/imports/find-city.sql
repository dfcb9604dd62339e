-- The city an import writes into ($1 AGS): its name, for messages such as "lies
-- outside Herne". No row: the city was never seeded.
SELECT name FROM area WHERE city_ags = $1 AND level = 'city';
