/**
 * Web Mercator tile arithmetic (EPSG:3857 XYZ scheme, y from the north).
 */

/** Highest zoom the API accepts in a tile URL. */
export const maxTileZoom = 22;

/** West, south, east, north in degrees of tile z/x/y, grown by `buffer` of its width on every side. */
export function tileBbox(z: number, x: number, y: number, buffer = 0): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [lon(x - buffer), lat(y + 1 + buffer), lon(x + 1 + buffer), lat(y - buffer)];
}

/** The tile at zoom z that contains a point. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}
