import { describe, expect, it } from 'vitest';
import type { LabelPoint } from '../label-points.ts';
import { areaLabelsLayer } from './area-labels-layer.ts';

const points: LabelPoint[] = [
  { id: 1, name: 'Röhlinghausen', position: [7.145, 51.5175], alternatives: [], areaKm2: 3 },
  { id: 2, name: 'Börnig', position: [7.27, 51.56], alternatives: [[7.28, 51.56]], areaKm2: 2 },
  { id: 3, name: 'Straße', position: [7.2, 51.54], alternatives: [], areaKm2: 1 },
];

describe('areaLabelsLayer', () => {
  const placed = new Map<number, [number, number]>([
    [1, [7.145, 51.5175]],
    [2, [7.28, 51.56]],
  ]);
  const layer = areaLabelsLayer({ points, placed, visible: true, sizePx: 13, selectedId: 2 });

  it('draws only the labels that fit, where they were placed', () => {
    const data = layer.props.data as LabelPoint[];
    expect(data.map((p) => [p.id, p.position])).toEqual([
      [1, [7.145, 51.5175]],
      [2, [7.28, 51.56]],
    ]);
  });

  it('renders umlauts and ß from an SDF atlas with a white halo', () => {
    expect(layer.props.characterSet).toBe('auto');
    expect(layer.props.fontSettings).toMatchObject({ sdf: true });
    expect(layer.props.outlineWidth).toBeGreaterThan(0);
    expect(layer.props.outlineColor?.slice(0, 3)).toEqual([255, 255, 255]);
    expect(layer.props.fontFamily).toMatch(/sans-serif$/);
  });

  it('highlights the selected area', () => {
    const getColor = layer.props.getColor as unknown as (d: LabelPoint) => number[];
    expect(getColor(points[1])).not.toEqual(getColor(points[0]));
  });
});
