/**
 * Decodes a Mapbox vector tile into plain objects for assertions.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  /** 1 point, 2 line, 3 polygon */
  type: number;
  properties: Record<string, unknown>;
  /** Polygons: area in tile units² (outer rings minus holes); 0 for points and lines. */
  area: number;
  /** Polygons: area-weighted centroid in tile units. */
  centroid: [number, number];
}

export function decodeTile(bytes: Uint8Array, layerName: string): DecodedFeature[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = tile.layers[layerName];
  if (!layer) return [];
  const features: DecodedFeature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    let area = 0;
    let cx = 0;
    let cy = 0;
    if (f.type === 3) {
      // Shoelace over every ring; the winding gives holes the opposite sign.
      for (const ring of f.loadGeometry()) {
        for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
          const cross = ring[j].x * ring[k].y - ring[k].x * ring[j].y;
          area += cross / 2;
          cx += ((ring[j].x + ring[k].x) * cross) / 6;
          cy += ((ring[j].y + ring[k].y) * cross) / 6;
        }
      }
    }
    features.push({ id: f.id, type: f.type, properties: { ...f.properties }, area: Math.abs(area), centroid: area === 0 ? [0, 0] : [cx / area, cy / area] });
  }
  return features;
}
