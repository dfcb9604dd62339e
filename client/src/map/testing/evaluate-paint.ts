/**
 * Test helper: evaluates a paint property value with MapLibre's own expression
 * engine (`@maplibre/maplibre-gl-style-spec`, a dependency of maplibre-gl), so layer
 * tests check what MapLibre would draw, not the shape of an expression array.
 */
import { Color, createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';

export function evaluatePaint(
  layerType: 'fill' | 'line',
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
  return compiled.value.evaluate({ zoom } as never, { type: 'Polygon', ...feature } as never, featureState as never);
}

export const colour = (hex: string) => Color.parse(hex);
