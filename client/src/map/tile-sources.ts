/**
 * One vector source per server layer. With the layer list at hand the tile URLs,
 * zoom range and bounds are written into the style directly: no TileJSON round trip
 * before the first tile, and no per-source attribution (the TileJSON joins each
 * layer's datasets into one string, which MapLibre cannot de-duplicate across
 * layers; the map's attribution control gets the per-dataset list instead).
 * Without the list, each source falls back to its TileJSON (`/tiles/<id>.json`).
 */
import type { VectorSourceSpecification } from 'maplibre-gl';
import type { Bbox } from '../../../server/src/schemas/common.ts';
import type { LayerId, LayerInfo } from '../../../server/src/schemas/layer.ts';
import { tileRoutes } from '../api/api-routes.ts';

/**
 * @param origin the page's origin (`location.origin`); MapLibre needs absolute URLs.
 * @param infos `GET /api/layers`, or undefined when it could not be loaded
 * @param cityBbox bounds of the city layers; tiles outside are never requested
 * @returns source id (= layer id = source-layer name inside the tiles) → source
 */
export function tileSources(
  origin: string,
  layers: readonly LayerId[],
  infos: readonly Pick<LayerInfo, 'id' | 'minzoom' | 'maxzoom'>[] | undefined,
  cityBbox: Bbox,
): Record<string, VectorSourceSpecification> {
  return Object.fromEntries(
    layers.map((id): [string, VectorSourceSpecification] => {
      const info = infos?.find((l) => l.id === id);
      if (!info) return [id, { type: 'vector', url: tileRoutes.tileJson(origin, id) }];
      return [
        id,
        {
          type: 'vector',
          tiles: [tileRoutes.tiles(origin, id)],
          minzoom: info.minzoom,
          maxzoom: info.maxzoom,
          // neighbouring regions reach beyond the city
          ...(id === 'context' ? {} : { bounds: cityBbox }),
        },
      ];
    }),
  );
}
