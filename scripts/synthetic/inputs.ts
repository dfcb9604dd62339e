/**
 * The real inputs of the synthetic generator, parsed from their file texts (no file I/O here):
 * Zensus 2011 100 m cells, the city boundary and the generated area levels of Herne.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { pointInArea, type Area } from './geometry.ts';

/** A Zensus 2011 100 m cell inside Herne. Counts are persons (Zensus 2011, rounded/perturbed by Destatis). */
export interface ZensusCell {
  id: string;
  /** All residents (`pop_sum_grp`). */
  population: number;
  /** Citizens of another EU27 state (`STAATSANGE_GRP_21`). */
  eu27: number;
  /** Residents without German citizenship (`nongerman_sum_grp`). */
  nonGerman: number;
  /** Cell centre, degrees. */
  centre: [number, number];
  /** The cell's outer ring (closed quadrilateral, degrees). */
  ring: Position[];
  /** Name of the Stadtbezirk containing the centre (generated boroughs), or null. */
  borough: string | null;
}

/** One generated area (borough, quarter or district). */
export interface NamedArea {
  key: string;
  name: string;
  level: string;
  parentKey: string;
  geometry: Area;
}

/** A district with the borough it lies in. */
export interface District extends NamedArea {
  /** Name of the Stadtbezirk (e.g. `Wanne`). */
  borough: string;
}

/** Everything the generator reads. */
export interface SyntheticInputs {
  /** Cells with `inside_herne: true`, sorted by cell id. */
  cells: ZensusCell[];
  boundary: Area;
  /** The 4 Stadtbezirke, sorted by key. */
  boroughs: NamedArea[];
  /** The 32 synthetic districts, sorted by key. */
  districts: District[];
}

/** File texts of the inputs (all GeoJSON, EPSG:4326). */
export interface SyntheticInputTexts {
  /** `herne/herne_zensus2011_grid100m.geojson` in SOURCE_DATA_DIR */
  gridGeojson: string;
  /** `herne/herne_boundary_dvg2_2018.geojson` in SOURCE_DATA_DIR */
  boundaryGeojson: string;
  /** `data/herne/generated/boroughs.geojson` */
  boroughsGeojson: string;
  /** `data/herne/generated/quarters.geojson` */
  quartersGeojson: string;
  /** `data/herne/generated/districts.geojson` */
  districtsGeojson: string;
}

interface AreaProps {
  key: string;
  name: string;
  level: string;
  parent_key: string;
}

function readAreas(text: string): NamedArea[] {
  const fc = JSON.parse(text) as FeatureCollection<Area, AreaProps>;
  return fc.features
    .map((f) => ({ key: f.properties.key, name: f.properties.name, level: f.properties.level, parentKey: f.properties.parent_key, geometry: f.geometry }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Parses the input texts. Throws if a district's quarter or a quarter's borough is missing. */
export function parseSyntheticInputs(texts: SyntheticInputTexts): SyntheticInputs {
  const boundaryFc = JSON.parse(texts.boundaryGeojson) as FeatureCollection<Area>;
  const boundary = boundaryFc.features[0].geometry;
  const boroughs = readAreas(texts.boroughsGeojson);
  const quarters = readAreas(texts.quartersGeojson);
  const boroughByKey = new Map(boroughs.map((b) => [b.key, b]));
  const quarterByKey = new Map(quarters.map((q) => [q.key, q]));
  const districts: District[] = readAreas(texts.districtsGeojson).map((d) => {
    const quarter = quarterByKey.get(d.parentKey);
    const borough = quarter && boroughByKey.get(quarter.parentKey);
    if (!borough) throw new Error(`district ${d.key}: no quarter/borough for parent ${d.parentKey}`);
    return { ...d, borough: borough.name };
  });

  type CellProps = {
    cell_id: string;
    inside_herne: boolean;
    pop_sum_grp: number;
    STAATSANGE_GRP_21: number;
    nongerman_sum_grp: number;
    centre_lon: number;
    centre_lat: number;
  };
  const grid = JSON.parse(texts.gridGeojson) as FeatureCollection<Polygon, CellProps>;
  const cells: ZensusCell[] = grid.features
    .filter((f: Feature<Polygon, CellProps>) => f.properties.inside_herne === true)
    .map((f) => {
      const p = f.properties;
      const centre: [number, number] = [p.centre_lon, p.centre_lat];
      const borough = boroughs.find((b) => pointInArea(centre[0], centre[1], b.geometry))?.name ?? null;
      return {
        id: p.cell_id,
        population: p.pop_sum_grp ?? 0,
        eu27: p.STAATSANGE_GRP_21 ?? 0,
        nonGerman: p.nongerman_sum_grp ?? 0,
        centre,
        ring: f.geometry.coordinates[0],
        borough,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { cells, boundary, boroughs, districts };
}
