/**
 * One vector source per server layer, each from its TileJSON (`/tiles/<id>.json`),
 * so MapLibre takes tile URLs, zoom range, bounds and the attribution from the server.
 */
import type { VectorSourceSpecification } from 'maplibre-gl';
import type { LayerId } from '../../../server/src/schemas/layer.ts';

/**
 * @param origin the page's origin (`location.origin`); MapLibre needs an absolute URL.
 * @returns source id (= layer id = source-layer name inside the tiles) → source
 */
export function tileSources(origin: string, layers: readonly LayerId[]): Record<string, VectorSourceSpecification> {
  return Object.fromEntries(layers.map((id) => [id, { type: 'vector', url: `${origin}/tiles/${id}.json` }]));
}
