/**
 * The layers the server draws, each as the SQL that lists its features and the
 * parameters it takes beyond the common ones (city AGS and bbox). Layer ids
 * come from this table only, never from input, so they can name SQL safely.
 */
import { loadSql } from '../../db/sql-file.ts';
import { zensusMinResidents } from '../../privacy.ts';
import type { LayerId } from '../../schemas/layer.ts';

const sql = loadSql(import.meta.url, [
  'list-area-features',
  'list-context-features',
  'list-zensus-features',
] as const);

export interface MapLayer {
  id: LayerId;
  /** SELECT id, props, geom … with $1 city AGS and $2..$5 bbox, then `extraParams`. */
  featuresSql: string;
  extraParams: unknown[];
  /** Zooms the server tiles; MapLibre overzooms above maxzoom. */
  minzoom: number;
  maxzoom: number;
  /** Attribute names and types, for TileJSON `vector_layers`. */
  fields: Record<string, string>;
}

const areaFields = {
  key: 'String',
  name: 'String',
  level: 'String',
  parent_name: 'String',
  provenance: 'String',
  zensus_population: 'Number',
  area_km2: 'Number',
};

const areaLayer = (id: LayerId, level: string): MapLayer => ({
  id,
  featuresSql: sql['list-area-features'],
  extraParams: [level],
  minzoom: 6,
  maxzoom: 16,
  fields: areaFields,
});

export const mapLayers: Record<LayerId, MapLayer> = {
  context: {
    id: 'context',
    featuresSql: sql['list-context-features'],
    extraParams: [],
    minzoom: 4,
    maxzoom: 14,
    fields: { name: 'String', ags: 'String' },
  },
  city: areaLayer('city', 'city'),
  boroughs: areaLayer('boroughs', 'borough'),
  quarters: areaLayer('quarters', 'quarter'),
  districts: areaLayer('districts', 'district'),
  zensus: {
    id: 'zensus',
    featuresSql: sql['list-zensus-features'],
    extraParams: [zensusMinResidents],
    minzoom: 9,
    maxzoom: 16,
    fields: { suppressed: 'Boolean', population: 'Number', nongerman_share: 'Number' },
  },
};

export const layerIds = Object.keys(mapLayers) as LayerId[];

export function isLayerId(value: string): value is LayerId {
  return Object.hasOwn(mapLayers, value);
}
