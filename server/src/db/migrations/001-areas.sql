-- Areas of a city on four levels (city → borough → quarter → district), the
-- official names that have no geometry yet, the neighbouring regions shown as
-- context, and the Zensus 2011 grid. Geometry is stored in EPSG:4326; metric
-- work transforms to EPSG:25832 (ETRS89 / UTM 32N) where needed.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Every layer names the datasets it is drawn from; the map shows their
-- attribution exactly as the licence asks (data/datasets.json).
CREATE TABLE dataset (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  attribution text NOT NULL,
  licence     text NOT NULL,
  synthetic   boolean NOT NULL DEFAULT false
);

CREATE TABLE area (
  id          serial PRIMARY KEY,
  -- AGS of the city the area belongs to; a city is itself the area with level 'city'.
  city_ags    text NOT NULL CHECK (city_ags ~ '^[0-9]{8}$'),
  level       text NOT NULL CHECK (level IN ('city', 'borough', 'quarter', 'district')),
  key         text NOT NULL,
  name        text NOT NULL,
  parent_id   integer REFERENCES area (id) ON DELETE CASCADE,
  -- official: imported from the city; approximate: derived from real points;
  -- synthetic: generated, no claim to match any real boundary.
  provenance  text NOT NULL CHECK (provenance IN ('official', 'approximate', 'synthetic')),
  -- User-facing texts as {"de": …, "en": …}: where the geometry comes from and how it was made.
  source      jsonb NOT NULL CHECK (source ? 'de' AND source ? 'en'),
  method      jsonb CHECK (method IS NULL OR (method ? 'de' AND method ? 'en')),
  datasets    text[] NOT NULL,
  zensus_population integer CHECK (zensus_population >= 0),
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  UNIQUE (city_ags, key),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX area_geom_idx ON area USING gist (geom);
CREATE INDEX area_city_level_idx ON area (city_ags, level);
CREATE INDEX area_parent_idx ON area (parent_id);

-- Real names of units whose boundaries are not public yet (e.g. Herne's Ortsteile).
CREATE TABLE area_official_name (
  city_ags    text NOT NULL,
  level       text NOT NULL CHECK (level IN ('borough', 'quarter', 'district')),
  name        text NOT NULL,
  parent_name text,
  source_url  text,
  PRIMARY KEY (city_ags, level, name)
);

-- Neighbouring Kreise/municipalities of a city, drawn grey around it. Per city:
-- which regions are neighbours (and from which source) depends on the city.
CREATE TABLE context_region (
  id       serial PRIMARY KEY,
  city_ags text NOT NULL,
  ags      text NOT NULL,
  name     text,
  datasets text[] NOT NULL,
  geom     geometry(MultiPolygon, 4326) NOT NULL,
  UNIQUE (city_ags, ags)
);
CREATE INDEX context_region_geom_idx ON context_region USING gist (geom);

-- Zensus 2011 100 m cells: residents by citizenship group (values perturbed by the
-- statistical offices' SAFE procedure, so small cells are never shown on their own).
CREATE TABLE zensus_cell (
  id          serial PRIMARY KEY,
  city_ags    text NOT NULL,
  cell_id     text NOT NULL,
  population  integer NOT NULL CHECK (population >= 0),
  german      integer NOT NULL CHECK (german >= 0),
  nongerman   integer NOT NULL CHECK (nongerman >= 0),
  eu27        integer NOT NULL CHECK (eu27 >= 0),
  inside_city boolean NOT NULL,
  datasets    text[] NOT NULL,
  centre      geometry(Point, 4326) NOT NULL,
  geom        geometry(Polygon, 4326) NOT NULL,
  UNIQUE (city_ags, cell_id)
);
CREATE INDEX zensus_cell_geom_idx ON zensus_cell USING gist (geom);
CREATE INDEX zensus_cell_centre_idx ON zensus_cell USING gist (centre);
