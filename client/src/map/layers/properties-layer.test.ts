import { describe, expect, it } from 'vitest';
import { colour, evaluatePaint, matchesFilter } from '../testing/evaluate-paint.ts';
import { NO_PROCEDURE, STATUS_COLOURS } from './palette.ts';
import {
  PROPERTY_CLUSTER_COUNT_ID,
  PROPERTY_CLUSTER_ID,
  PROPERTY_CLUSTER_OTHER_ID,
  PROPERTY_POINT_ID,
  PROPERTY_SELECTED_ID,
  STATUS_ORDER,
  markRadiusPx,
  propertiesLayer,
  propertiesSource,
  statusColour,
} from './properties-layer.ts';

const layers = propertiesLayer({ visible: true, selectedId: 7 });
const byId = (id: string) => layers.find((l) => l.id === id) as { filter: unknown; paint: Record<string, unknown>; layout: Record<string, unknown> };
const point = (properties: Record<string, unknown>, id = 1) => ({ id, properties });
const cluster = (point_count: number, problems: number) => ({ id: 900, properties: { cluster: true, point_count, problems } });

describe('propertiesSource', () => {
  it('clusters and sums the problem properties per cluster', () => {
    const source = propertiesSource('/api/properties.geojson?month=2026-10');
    expect(source).toMatchObject({ type: 'geojson', cluster: true });
    expect(source.clusterProperties).toHaveProperty('problems');
  });
});

describe('statusColour', () => {
  it('has a colour per status, all different, and grey for no procedure', () => {
    const at = (status?: string) => evaluatePaint('circle', 'circle-color', statusColour(), point(status ? { status } : {}));
    expect(STATUS_ORDER.map((s) => at(s))).toEqual(STATUS_ORDER.map((s) => colour(STATUS_COLOURS[s])));
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(STATUS_ORDER.length);
    expect(at()).toEqual(colour(NO_PROCEDURE));
  });
});

describe('propertiesLayer', () => {
  it('draws problem properties larger and outlined', () => {
    const { paint } = byId(PROPERTY_POINT_ID);
    const radius = (is_problem: boolean) => evaluatePaint('circle', 'circle-radius', paint['circle-radius'], point({ is_problem }), {}, 14) as number;
    const stroke = (is_problem: boolean) => evaluatePaint('circle', 'circle-stroke-width', paint['circle-stroke-width'], point({ is_problem })) as number;
    expect(radius(true)).toBeGreaterThan(radius(false) * 1.5);
    expect(stroke(true)).toBeGreaterThan(stroke(false));
  });

  it('separates clusters with and without problem properties, and points', () => {
    const problemCluster = byId(PROPERTY_CLUSTER_ID).filter;
    const otherCluster = byId(PROPERTY_CLUSTER_OTHER_ID).filter;
    const points = byId(PROPERTY_POINT_ID).filter;
    expect([matchesFilter(problemCluster, cluster(12, 3)), matchesFilter(otherCluster, cluster(12, 3)), matchesFilter(points, cluster(12, 3))]).toEqual([
      true,
      false,
      false,
    ]);
    expect(matchesFilter(otherCluster, cluster(5, 0))).toBe(true);
    expect(matchesFilter(points, point({ is_problem: true }))).toBe(true);
  });

  it('numbers a problem cluster with an icon named for its count', () => {
    expect(byId(PROPERTY_CLUSTER_COUNT_ID).layout['icon-image']).toEqual(['concat', 'quartiersatlas-count-', ['to-string', ['get', 'problems']]]);
  });

  it('rings the selected property only', () => {
    const { filter } = byId(PROPERTY_SELECTED_ID);
    expect(matchesFilter(filter, point({}, 7))).toBe(true);
    expect(matchesFilter(filter, point({}, 8))).toBe(false);
    expect(propertiesLayer({ visible: true, selectedId: null }).find((l) => l.id === PROPERTY_SELECTED_ID)?.layout?.visibility).toBe('none');
  });

  it('hides every part when switched off', () => {
    for (const l of propertiesLayer({ visible: false, selectedId: 7 })) expect(l.layout?.visibility).toBe('none');
  });
});

describe('markRadiusPx', () => {
  it('keeps labels off problem clusters and problem properties only', () => {
    expect(markRadiusPx({ cluster: true, point_count: 30, problems: 20 })).toBeGreaterThan(markRadiusPx({ cluster: true, point_count: 3, problems: 1 }));
    expect(markRadiusPx({ cluster: true, point_count: 30, problems: 0 })).toBe(0);
    expect(markRadiusPx({ is_problem: true })).toBeGreaterThan(0);
    expect(markRadiusPx({ is_problem: false })).toBe(0);
  });
});
