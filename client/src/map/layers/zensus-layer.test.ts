import { describe, expect, it } from 'vitest';
import { colour, evaluatePaint } from '../testing/evaluate-paint.ts';
import { ZENSUS_SHARE_CLASSES, ZENSUS_SUPPRESSED, zensusPopulationClasses } from './palette.ts';
import { zensusFillColour, zensusLayer } from './zensus-layer.ts';

const cell = (properties: Record<string, unknown>) => ({ properties });

const MIN = 30;
const ZENSUS_POPULATION_CLASSES = zensusPopulationClasses(MIN);

describe('zensusPopulationClasses', () => {
  it('starts the first class at the suppression threshold', () => {
    expect(zensusPopulationClasses(30).map((c) => c.from)).toEqual([30, 50, 100, 150, 200]);
    expect(zensusPopulationClasses(10)[0].from).toBe(10);
  });
  it('drops classes that would lie wholly below the threshold', () => {
    expect(zensusPopulationClasses(60).map((c) => [c.from, c.to])).toEqual([
      [60, 100],
      [100, 150],
      [150, 200],
      [200, null],
    ]);
  });
});

describe('zensusLayer', () => {
  it('classes residents per cell', () => {
    const fill = zensusFillColour('population', MIN);
    const at = (population: number) => evaluatePaint('fill', 'fill-color', fill, cell({ suppressed: false, population }));
    expect(at(30)).toEqual(colour(ZENSUS_POPULATION_CLASSES[0].colour));
    expect(at(49)).toEqual(colour(ZENSUS_POPULATION_CLASSES[0].colour));
    expect(at(50)).toEqual(colour(ZENSUS_POPULATION_CLASSES[1].colour));
    expect(at(120)).toEqual(colour(ZENSUS_POPULATION_CLASSES[2].colour));
    expect(at(392)).toEqual(colour(ZENSUS_POPULATION_CLASSES[4].colour));
  });

  it('classes the non-German share', () => {
    const fill = zensusFillColour('share', MIN);
    const at = (share: number) =>
      evaluatePaint('fill', 'fill-color', fill, cell({ suppressed: false, population: 80, nongerman_share: share }));
    expect(at(0)).toEqual(colour(ZENSUS_SHARE_CLASSES[0].colour));
    expect(at(0.1)).toEqual(colour(ZENSUS_SHARE_CLASSES[1].colour));
    expect(at(0.35)).toEqual(colour(ZENSUS_SHARE_CLASSES[3].colour));
    expect(at(0.9)).toEqual(colour(ZENSUS_SHARE_CLASSES[4].colour));
  });

  it('draws suppressed cells (under the threshold) grey in both modes', () => {
    for (const mode of ['population', 'share'] as const) {
      expect(evaluatePaint('fill', 'fill-color', zensusFillColour(mode, MIN), cell({ suppressed: true }))).toEqual(
        colour(ZENSUS_SUPPRESSED),
      );
    }
  });

  it('treats a cell without the figure as suppressed', () => {
    expect(evaluatePaint('fill', 'fill-color', zensusFillColour('share', MIN), cell({ population: 40 }))).toEqual(
      colour(ZENSUS_SUPPRESSED),
    );
  });

  it('is hidden unless switched on', () => {
    expect(zensusLayer({ visible: false, mode: 'population', minResidents: MIN }).layout).toEqual({ visibility: 'none' });
    expect(zensusLayer({ visible: true, mode: 'population', minResidents: MIN }).layout).toEqual({ visibility: 'visible' });
  });
});
