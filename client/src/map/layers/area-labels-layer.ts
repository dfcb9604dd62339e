/**
 * Area names as a deck.gl TextLayer, because the self-contained style has no glyph
 * server and therefore no symbol layers. deck.gl renders the glyphs itself from a
 * system font into an SDF atlas, which gives a white halo without any download.
 *
 * Draw order: on top of the MapLibre style (interleaved, no `beforeId`).
 */
import { TextLayer } from '@deck.gl/layers';
import type { LabelPoint } from '../label-points.ts';

export const AREA_LABELS_ID = 'area-labels';

/** Text size per level in CSS pixels: coarser levels get larger names. */
export const LABEL_SIZE_PX = { boroughs: 15, quarters: 13, districts: 12 } as const;

/** System sans-serif fonts only: nothing is fetched (Liberation/DejaVu on Linux). */
export const LABEL_FONT_FAMILY = '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export interface AreaLabelsLayerOptions {
  points: LabelPoint[];
  /** Labels to draw and where (see `label-placement.ts`); the rest collide at this zoom. */
  placed: ReadonlyMap<number, [number, number]>;
  visible: boolean;
  /** Text size in CSS pixels. */
  sizePx: number;
  selectedId: number | null;
}

const TEXT = [31, 39, 51, 255] as const;
const TEXT_SELECTED = [11, 79, 156, 255] as const;

export function areaLabelsLayer({ points, placed, visible, sizePx, selectedId }: AreaLabelsLayerOptions): TextLayer<LabelPoint> {
  const data = points.flatMap((p) => {
    const position = placed.get(p.id);
    return position ? [{ ...p, position }] : [];
  });
  return new TextLayer<LabelPoint>({
    id: AREA_LABELS_ID,
    data,
    visible,
    pickable: false,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: sizePx,
    sizeUnits: 'pixels',
    getColor: (d) => [...(d.id === selectedId ? TEXT_SELECTED : TEXT)],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 600,
    // 'auto' collects the characters of the data, so umlauts and ß are in the atlas.
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 6, radius: 12, cutoff: 0.25 },
    outlineWidth: 2.5,
    outlineColor: [255, 255, 255, 235],
    updateTriggers: { getColor: selectedId },
  });
}
