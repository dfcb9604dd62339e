/**
 * Test helper: evaluates a paint property value with MapLibre's own expression
 * engine (`@maplibre/maplibre-gl-style-spec`, a dependency of maplibre-gl), so layer
 * tests check what MapLibre would draw, not the shape of an expression array.
 */
import { Color, createPropertyExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';

export function evaluatePaint(
  layerType: 'fill' | 'line' | 'circle',
  property: string,
  value: unknown,
  feature: { id?: number; properties: Record<string, unknown> },
  featureState: Record<string, unknown> = {},
  zoom = 12,
): unknown {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layerType}`][property];
  if (!spec) throw new Error(`no paint property ${property} on ${layerType} layers`);
  const compiled = createPropertyExpression(value, `paint.${property}`, spec as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom } as never, { type: layerType === 'circle' ? 'Point' : 'Polygon', ...feature } as never, featureState as never);
}

/** Whether a layer's `filter` lets a feature through, evaluated by MapLibre's own code. */
export function matchesFilter(filter: unknown, feature: { id?: number; properties: Record<string, unknown> }, zoom = 12): boolean {
  const compiled = featureFilter(filter as never, 'layers[0].filter');
  return compiled.filter({ zoom } as never, { type: 1, ...feature } as never);
}

export const colour = (hex: string) => Color.parse(hex);
