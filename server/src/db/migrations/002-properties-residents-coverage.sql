-- What the integration administration works with: properties (problem properties
-- and their enforcement timeline under NRW's Wohnraumstärkungsgesetz), resident
-- counts per property and month (never individuals), estimates of unregistered
-- residents as ranges, advisory offices, case managers, their areas and visits.
-- Every table is scoped by city; figures of an area are sums over its properties.

-- Where case managers work from.
CREATE TABLE advisory_office (
  id        serial PRIMARY KEY,
  city_ags  text NOT NULL,
  key       text NOT NULL,
  name      text NOT NULL,
  address   text NOT NULL,
  datasets  text[] NOT NULL,
  geom      geometry(Point, 4326) NOT NULL,
  UNIQUE (city_ags, key)
);

CREATE TABLE property (
  id             serial PRIMARY KEY,
  city_ags       text NOT NULL,
  -- The city's own key of the property (e.g. from its register); imports match on it.
  key            text NOT NULL,
  address        text NOT NULL,
  -- The lowest-level area containing the point, set by the import (NULL: no areas yet).
  area_id        integer REFERENCES area (id) ON DELETE SET NULL,
  flats          integer NOT NULL CHECK (flats >= 0),
  living_area_m2 numeric(10, 1) NOT NULL CHECK (living_area_m2 > 0),
  -- No owner names: only the kind of owner.
  owner_type     text NOT NULL CHECK (owner_type IN ('private', 'company', 'municipal')),
  is_problem     boolean NOT NULL,
  datasets       text[] NOT NULL,
  geom           geometry(Point, 4326) NOT NULL,
  UNIQUE (city_ags, key)
);
CREATE INDEX property_geom_idx ON property USING gist (geom);
CREATE INDEX property_area_idx ON property (area_id);

-- Enforcement under the Wohnraumstärkungsgesetz NRW, one event per step; the
-- current status of a property is its latest event (ties: the later step).
CREATE TABLE property_status_event (
  id          serial PRIMARY KEY,
  property_id integer NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('reported', 'inspected', 'defects_found', 'order_issued', 'fine_imposed', 'declared_uninhabitable', 'resolved')),
  event_date  date NOT NULL,
  -- Non-personal remark (what was found or ordered), never names.
  note        text,
  UNIQUE (property_id, event_date, status)
);
CREATE INDEX property_status_event_property_idx ON property_status_event (property_id, event_date);

-- Position of a status in the usual order of the procedure: on one day, the later
-- step is the current one. The order is PropertyStatus in server/src/schemas/property.ts.
CREATE FUNCTION property_status_rank(status text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT array_position(ARRAY['reported', 'inspected', 'defects_found', 'order_issued', 'fine_imposed', 'declared_uninhabitable', 'resolved'], status)
$$;

-- Registered residents per property and month (first day of the month), by
-- nationality and age group; `resident_over_5y` of them registered for more than five years.
CREATE TABLE resident_count (
  property_id      integer NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  nationality      text NOT NULL CHECK (nationality IN ('ro', 'bg', 'other')),
  age_group        text NOT NULL CHECK (age_group IN ('0-5', '6-17', '18-64', '65+')),
  registered       integer NOT NULL CHECK (registered >= 0),
  resident_over_5y integer NOT NULL CHECK (resident_over_5y >= 0 AND resident_over_5y <= registered),
  datasets         text[] NOT NULL,
  PRIMARY KEY (property_id, month, nationality, age_group)
);
CREATE INDEX resident_count_month_idx ON resident_count (month);

-- Estimated unregistered residents of a property in a month: a range, never a
-- single number, with the basis of the estimate.
CREATE TABLE unregistered_estimate (
  property_id integer NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  month       date NOT NULL CHECK (extract(day FROM month) = 1),
  low         integer NOT NULL CHECK (low >= 0),
  high        integer NOT NULL CHECK (high >= low),
  basis       text NOT NULL,
  datasets    text[] NOT NULL,
  PRIMARY KEY (property_id, month)
);
CREATE INDEX unregistered_estimate_month_idx ON unregistered_estimate (month);

CREATE TABLE case_manager (
  id            serial PRIMARY KEY,
  city_ags      text NOT NULL,
  -- A pseudonym, never a person's name.
  key           text NOT NULL,
  employer      text NOT NULL,
  employer_kind text NOT NULL CHECK (employer_kind IN ('city', 'charity')),
  -- 'kim': funded by NRW's Kommunales Integrationsmanagement.
  funding       text NOT NULL CHECK (funding IN ('municipal', 'kim')),
  -- ISO 639-1 codes.
  languages     text[] NOT NULL CHECK (cardinality(languages) > 0),
  fte           numeric(3, 2) NOT NULL CHECK (fte > 0 AND fte <= 1),
  office_id     integer REFERENCES advisory_office (id) ON DELETE SET NULL,
  datasets      text[] NOT NULL,
  UNIQUE (city_ags, key)
);

CREATE TABLE case_manager_area (
  case_manager_id integer NOT NULL REFERENCES case_manager (id) ON DELETE CASCADE,
  area_id         integer NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  PRIMARY KEY (case_manager_id, area_id)
);
CREATE INDEX case_manager_area_area_idx ON case_manager_area (area_id);

-- Visits are counts per property, day (or only month), case manager and topic: no case details.
CREATE TABLE visit (
  id              serial PRIMARY KEY,
  property_id     integer NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  case_manager_id integer REFERENCES case_manager (id) ON DELETE SET NULL,
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  visit_date      date CHECK (visit_date IS NULL OR date_trunc('month', visit_date)::date = month),
  topic           text NOT NULL CHECK (topic IN ('health', 'energy_water', 'youth_office', 'school', 'housing', 'employment', 'health_insurance')),
  visits          integer NOT NULL DEFAULT 1 CHECK (visits > 0),
  datasets        text[] NOT NULL
);
CREATE INDEX visit_property_idx ON visit (property_id, month);
CREATE INDEX visit_month_idx ON visit (month);

-- Registered residents per property and month in the shape the API reports
-- (ResidentCounts in server/src/schemas/figures.ts), so every query sums the same way.
CREATE VIEW property_month_residents AS
SELECT property_id,
       month,
       coalesce(sum(registered) FILTER (WHERE nationality = 'ro'), 0)::int AS ro,
       coalesce(sum(registered) FILTER (WHERE nationality = 'bg'), 0)::int AS bg,
       coalesce(sum(registered) FILTER (WHERE nationality = 'other'), 0)::int AS other,
       coalesce(sum(registered) FILTER (WHERE nationality IN ('ro', 'bg') AND age_group = '0-5'), 0)::int AS ro_bg_under6,
       coalesce(sum(registered) FILTER (WHERE nationality IN ('ro', 'bg') AND age_group = '6-17'), 0)::int AS ro_bg_6to17,
       coalesce(sum(resident_over_5y) FILTER (WHERE nationality IN ('ro', 'bg')), 0)::int AS ro_bg_over5y,
       coalesce(sum(registered) FILTER (WHERE age_group = '0-5'), 0)::int AS all_under6,
       coalesce(sum(registered) FILTER (WHERE age_group <> '0-5'), 0)::int AS all_6plus,
       bool_or(EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = ANY (resident_count.datasets) AND d.synthetic)) AS synthetic
FROM resident_count
GROUP BY property_id, month;

-- Every area with each of its ancestors (and itself), so that figures of the
-- lowest level roll up to any level by one join: a parent's figure is the sum of its children's.
CREATE VIEW area_lineage AS
WITH RECURSIVE lineage AS (
  SELECT id AS area_id, id AS ancestor_id FROM area
  UNION ALL
  SELECT lineage.area_id, parent.parent_id
  FROM lineage JOIN area AS parent ON parent.id = lineage.ancestor_id
  WHERE parent.parent_id IS NOT NULL
)
SELECT area_id, ancestor_id FROM lineage;
