/**
 * A grid of regular hexagons (pointy top, odd rows shifted right by half a cell), the
 * tessellation an H3-like map uses. Used as a large, exactly known test layer: every
 * interior hexagon has 6 neighbours, under both queen and rook.
 *
 * @param rows number of rows
 * @param cols hexagons per row
 * @param radius circumradius in metres (centre to corner)
 * @returns per hexagon (row-major), its MultiPolygon coordinates (closed ring) and centre
 */
export function hexagonGrid(rows: number, cols: number, radius: number): { polygons: number[][][][][]; centres: [number, number][] } {
  const width = Math.sqrt(3) * radius;
  const polygons: number[][][][][] = [];
  const centres: [number, number][] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const cx = col * width + (row % 2) * (width / 2);
      const cy = row * 1.5 * radius;
      const ring: number[][] = [];
      for (let k = 0; k <= 6; k++) {
        const angle = (Math.PI / 180) * (60 * (k % 6) - 30);
        ring.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
      }
      polygons.push([[ring]]);
      centres.push([cx, cy]);
    }
  }
  return { polygons, centres };
}
