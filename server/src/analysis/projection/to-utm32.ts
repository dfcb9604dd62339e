/**
 * ETRS89 longitude/latitude → ETRS89 / UTM zone 32N (EPSG:25832), the metric grid of German
 * surveying offices, so that distances and areas can be measured in metres.
 *
 * Transverse Mercator by Krüger's series in the third flattening n, to order n⁶, in the form
 * of Karney (2011) — the method PROJ (`+proj=utm`, Poder/Engsager) and
 * GeographicLib use. The n⁶ series stays exact to far below a millimetre well outside the
 * 6° zone, which matters because Germany keeps zone 32 up to its eastern border at 15°E, 6°
 * east of the central meridian (to-utm32.test.ts checks 6°E–15.5°E against PROJ to 1 µm).
 *
 * EPSG:4326 (WGS 84) coordinates may be passed as they are: for EPSG:4326 → EPSG:25832 PROJ
 * and PostGIS apply a null datum shift ("ETRS89 to WGS 84 (1)", accurate to about 1 m), which
 * is what this function does too.
 *
 * Karney C F F (2011) Transverse Mercator with an accuracy of a few nanometers,
 * Journal of Geodesy 85, 475–485, doi:10.1007/s00190-011-0445-3.
 */

/** GRS80 semi-major axis, metres. */
const a = 6378137;
/** GRS80 flattening. */
const f = 1 / 298.257222101;
/** UTM scale on the central meridian. */
const k0 = 0.9996;
/** Central meridian of zone 32, degrees east. */
const lon0 = 9;
/** False easting, metres (no false northing north of the equator). */
const falseEasting = 500000;

const n = f / (2 - f);
const e = Math.sqrt(f * (2 - f));
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
const n5 = n4 * n;
const n6 = n5 * n;
/** Rectifying radius A (Karney 2011), times k0. */
const scaledRadius = ((k0 * a) / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
/** Krüger's coefficients α₁…α₆ of the forward series, to order n⁶ (Karney 2011). */
const alpha = [
  n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
  (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
  (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
  (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
  (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
  (212378941 / 319334400) * n6,
];

const radians = Math.PI / 180;

/**
 * Projects a point to ETRS89 / UTM zone 32N.
 *
 * @param lon - longitude, degrees east (ETRS89 or WGS 84); meant for about 0°E–18°E
 * @param lat - latitude, degrees north, in [0, 84] for UTM north (southern latitudes give a
 *   negative northing: no false northing is added)
 * @returns `[easting, northing]` in metres (EPSG:25832 axis order)
 * @throws RangeError for a non-finite coordinate or a latitude beyond ±90°
 */
export function toUtm32(lon: number, lat: number): [number, number] {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    throw new RangeError(`(${lon}, ${lat}) is not a longitude/latitude in degrees`);
  }
  const phi = lat * radians;
  const lambda = (lon - lon0) * radians;
  // Conformal latitude, computed through its tangent as Karney does: no loss of precision anywhere.
  const tau = Math.tan(phi);
  const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.hypot(1, tau)));
  const tauPrime = tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
  const cosLambda = Math.cos(lambda);
  // Gauss–Schreiber transverse Mercator of the conformal sphere.
  const xiPrime = Math.atan2(tauPrime, cosLambda);
  const etaPrime = Math.asinh(Math.sin(lambda) / Math.hypot(tauPrime, cosLambda));
  // Krüger's series from the sphere to the ellipsoid.
  let xi = xiPrime;
  let eta = etaPrime;
  for (let j = 1; j <= 6; j++) {
    xi += alpha[j - 1] * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
    eta += alpha[j - 1] * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
  }
  return [falseEasting + scaledRadius * eta, scaledRadius * xi];
}
