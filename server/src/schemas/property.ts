/**
 * Properties (Immobilien) and what the app knows of them. Owner names never exist
 * here; residents are counts per month; an estimate is a Range.
 */
import { Type, type Static } from 'typebox';
import { AreaRef } from './area.ts';
import { Range } from './common.ts';
import { ResidentCounts } from './figures.ts';
import { Month } from './month.ts';

/** Steps of enforcement under the Wohnraumstärkungsgesetz NRW, in their usual order. */
export const propertyStatuses = ['reported', 'inspected', 'defects_found', 'order_issued', 'fine_imposed', 'declared_uninhabitable', 'resolved'] as const;
export const PropertyStatus = Type.Enum(propertyStatuses);
export type PropertyStatus = Static<typeof PropertyStatus>;

export const OwnerType = Type.Union([Type.Literal('private'), Type.Literal('company'), Type.Literal('municipal')]);

export const VisitTopic = Type.Union([
  Type.Literal('health'),
  Type.Literal('energy_water'),
  Type.Literal('youth_office'),
  Type.Literal('school'),
  Type.Literal('housing'),
  Type.Literal('employment'),
  Type.Literal('health_insurance'),
]);
export type VisitTopic = Static<typeof VisitTopic>;

/** Properties of a point in `GET /api/properties.geojson` (flat, so MapLibre can cluster and style them). */
export const PropertyFeatureProperties = Type.Object({
  key: Type.String(),
  address: Type.String(),
  is_problem: Type.Boolean(),
  /** Current status at the end of the month; absent: no enforcement events. */
  status: Type.Optional(PropertyStatus),
  /** Registered Romanian and Bulgarian residents in the month. */
  ro_bg: Type.Integer(),
  /** Estimate range of unregistered residents in the month; absent: no estimate. */
  unregistered_low: Type.Optional(Type.Integer()),
  unregistered_high: Type.Optional(Type.Integer()),
  synthetic: Type.Boolean(),
});
export type PropertyFeatureProperties = Static<typeof PropertyFeatureProperties>;

export const PropertyCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  month: Month,
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      properties: PropertyFeatureProperties,
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
    }),
  ),
});
export type PropertyCollection = Static<typeof PropertyCollection>;

export const StatusEvent = Type.Object({
  status: PropertyStatus,
  date: Type.String({ format: 'date' }),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type StatusEvent = Static<typeof StatusEvent>;

export const ResidentMonth = Type.Object({
  month: Month,
  registered: ResidentCounts,
  unregistered: Type.Union([Range, Type.Null()]),
  /** What the estimate is based on, when there is one. */
  basis: Type.Union([Type.String(), Type.Null()]),
});
export type ResidentMonth = Static<typeof ResidentMonth>;

export const VisitMonth = Type.Object({
  month: Month,
  visits: Type.Integer(),
  byTopic: Type.Record(Type.String(), Type.Integer()),
});
export type VisitMonth = Static<typeof VisitMonth>;

export const Overcrowding = Type.Object({
  month: Month,
  persons: Range,
  requiredM2: Range,
  livingAreaM2: Type.Number(),
  m2PerPerson: Type.Union([Range, Type.Null()]),
  verdict: Type.Union([Type.Literal('yes'), Type.Literal('possibly'), Type.Literal('no')]),
});

export const PropertyDetail = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  address: Type.String(),
  /** [longitude, latitude] in degrees, so a link to a property can show it on the map. */
  location: Type.Tuple([Type.Number(), Type.Number()]),
  /** The areas containing the property, lowest level first. */
  areas: Type.Array(AreaRef),
  flats: Type.Integer(),
  livingAreaM2: Type.Number(),
  ownerType: OwnerType,
  isProblem: Type.Boolean(),
  status: Type.Union([PropertyStatus, Type.Null()]),
  timeline: Type.Array(StatusEvent),
  residents: Type.Array(ResidentMonth),
  visits: Type.Array(VisitMonth),
  lastVisit: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  overcrowding: Type.Union([Overcrowding, Type.Null()]),
  synthetic: Type.Boolean(),
});
export type PropertyDetail = Static<typeof PropertyDetail>;

/** Ids are PostgreSQL `integer`s: 1 … 2³¹ − 1. */
export const PropertyIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
