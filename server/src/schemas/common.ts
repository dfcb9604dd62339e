/**
 * Shapes shared by several resources. Schemas in this folder import nothing but
 * typebox, so the client can import them (as types) without pulling in server code.
 */
import { Type, type Static } from 'typebox';

/** `[west, south, east, north]` in degrees (EPSG:4326). */
export const Bbox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()], {
  description: 'west, south, east, north in degrees (EPSG:4326)',
});
export type Bbox = Static<typeof Bbox>;

/** An estimate is a range, never a single number. */
export const Range = Type.Object({ low: Type.Number(), high: Type.Number() }, { description: 'An estimate: low ≤ high' });
export type Range = Static<typeof Range>;

/** The languages of the UI and of API messages. */
export const locales = ['de', 'en'] as const;
export const Locale = Type.Enum(locales);
export type Locale = Static<typeof Locale>;

/** A text shown to users, in both UI languages. */
export const LocalizedText = Type.Object({ de: Type.String(), en: Type.String() });
export type LocalizedText = Static<typeof LocalizedText>;

/** How far a geometry or figure can be trusted. */
export const Provenance = Type.Union([Type.Literal('official'), Type.Literal('approximate'), Type.Literal('synthetic')], {
  description: 'official: from the city; approximate: derived from real points; synthetic: generated, labelled as such',
});
export type Provenance = Static<typeof Provenance>;

/** The error answer; defined in api-error.ts with its codes. */
export { ErrorResponse } from './api-error.ts';
