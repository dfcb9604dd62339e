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
}

export function decodeTile(bytes: Uint8Array, layerName: string): DecodedFeature[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = tile.layers[layerName];
  if (!layer) return [];
  const features: DecodedFeature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    features.push({ id: f.id, type: f.type, properties: { ...f.properties } });
  }
  return features;
}
