/**
 * Brings the map's layers in line with a desired list of layer specs, touching only
 * what changed: paint/layout properties and filters are set in place (cheap, no tile
 * reload); a layer whose source or type changed is re-created at its position.
 *
 * All our layers sit below an invisible anchor layer, so that deck.gl's interleaved
 * label group (appended at the end of the style) always stays on top of them.
 */
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const TOP_ANCHOR_ID = 'quartiersatlas-top';

type AnyProps = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sourceKey(spec: LayerSpecification): string {
  return JSON.stringify([spec.type, 'source' in spec ? spec.source : null, (spec as AnyProps)['source-layer'] ?? null]);
}

function updateProperties(
  before: AnyProps | undefined,
  after: AnyProps | undefined,
  set: (name: string, value: unknown) => void,
): void {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const name of names) {
    const value = after?.[name];
    if (!same(before?.[name], value)) set(name, value);
  }
}

/**
 * @param applied the specs applied by the previous call (kept by the caller); the map
 *   itself is not read back because it normalises specs.
 * @returns the specs now applied, to pass in next time
 */
export function syncLayers(
  map: MapLibreMap,
  desired: LayerSpecification[],
  applied: ReadonlyMap<string, LayerSpecification>,
): Map<string, LayerSpecification> {
  if (!map.getLayer(TOP_ANCHOR_ID)) {
    map.addLayer({ id: TOP_ANCHOR_ID, type: 'background', layout: { visibility: 'none' }, paint: {} });
  }
  const desiredIds = new Set(desired.map((spec) => spec.id));
  for (const id of applied.keys()) {
    if (!desiredIds.has(id) && map.getLayer(id)) map.removeLayer(id);
  }

  const next = new Map<string, LayerSpecification>();
  // From the top down, so each layer can be placed right below the one above it.
  let above = TOP_ANCHOR_ID;
  for (let i = desired.length - 1; i >= 0; i--) {
    const spec = desired[i];
    const previous = applied.get(spec.id);
    const exists = Boolean(map.getLayer(spec.id));
    if (!exists || !previous || sourceKey(previous) !== sourceKey(spec)) {
      if (exists) map.removeLayer(spec.id);
      map.addLayer(spec, above);
    } else {
      const id = spec.id;
      // Property names come from specs that were type-checked where they were built.
      type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];
      type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];
      type LayoutName = Parameters<MapLibreMap['setLayoutProperty']>[1];
      type LayoutValue = Parameters<MapLibreMap['setLayoutProperty']>[2];
      updateProperties(previous.paint as AnyProps, spec.paint as AnyProps, (name, value) =>
        map.setPaintProperty(id, name as PaintName, value as PaintValue),
      );
      updateProperties(previous.layout as AnyProps, spec.layout as AnyProps, (name, value) =>
        map.setLayoutProperty(id, name as LayoutName, value as LayoutValue),
      );
      const filter = 'filter' in spec ? spec.filter : undefined;
      const previousFilter = 'filter' in previous ? previous.filter : undefined;
      if (!same(filter, previousFilter)) map.setFilter(id, (filter ?? null) as FilterSpecification | null);
      if (spec.minzoom !== previous.minzoom || spec.maxzoom !== previous.maxzoom) {
        map.setLayerZoomRange(id, spec.minzoom ?? 0, spec.maxzoom ?? 24);
      }
    }
    next.set(spec.id, spec);
    above = spec.id;
  }
  return next;
}
