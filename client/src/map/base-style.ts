/**
 * The self-contained default style: a light background and nothing else. No
 * `glyphs`, no `sprite`, no external source, so the map makes no request outside our
 * own origin; labels are drawn by deck.gl instead of symbol layers.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BACKGROUND } from './layers/palette.ts';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Quartiersatlas',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}
