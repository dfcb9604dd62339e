/**
 * Every text an import error shows, in one place: the `reason` of an ImportError
 * says what is wrong and what is expected, so an office worker can fix the cell
 * without reading the spec. (English for now; a German version replaces this file.)
 */

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const reasons = {
  // --- the file as a whole (row 0)
  emptyFile: () => 'the file is empty',
  noDataRows: () => 'the file has no data rows below the header',
  notText: () => 'is not a text file (it contains NUL bytes); expected a CSV file',
  utf16: () => 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or "CSV (Trennzeichen-getrennt)"',
  excelWorkbook: () => 'the file is an Excel workbook, not CSV; save it as "CSV UTF-8 (durch Trennzeichen getrennt)"',
  mixedEncoding: (utf8Row: number) =>
    `this row is Windows-1252 but row ${utf8Row} is UTF-8: the file mixes two encodings, so one of them would be read wrongly; save the whole file once as "CSV UTF-8"`,
  undefinedByte: (byte: number) => `byte 0x${byte.toString(16).toUpperCase()} is not a character in UTF-8 or Windows-1252; is this a CSV file?`,
  tabDelimited: () => 'columns are separated by tabs; expected ; or , (save as "CSV")',
  notJson: (message: string) => `not valid JSON: ${message}`,
  notFeatureCollection: () => 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})',
  jsonNotAllowed: (kind: string) => `the file is JSON; ${kind} are imported from CSV (a header row, then one row per record)`,
  csvNotAllowed: (kind: string) => `${kind} are imported from GeoJSON only (a FeatureCollection of Polygons and MultiPolygons)`,
  unsupportedCrs: (name: string) => `coordinate reference system "${name}" is not supported; expected EPSG:4326 (lon/lat, the GeoJSON default) or EPSG:25832`,

  // --- the header (row 1) and the shape of rows
  unknownColumn: (expected: string[], suggestion?: string) =>
    suggestion ? `unknown column (did you mean ${suggestion}?)` : `unknown column; expected: ${expected.join(', ')}`,
  unknownProperty: (expected: string[], suggestion?: string) =>
    suggestion ? `unknown property (did you mean ${suggestion}?)` : `unknown property; expected: ${expected.join(', ')}`,
  missingColumn: (alternative?: string) => (alternative ? `required column is missing (or use ${alternative})` : 'required column is missing'),
  missingProperty: () => 'required property is missing',
  duplicateColumn: (first: string) => `appears twice in the header (first in column ${first})`,
  bothPositions: () => 'use either lon and lat or easting and northing, not both',
  unnamedColumnWithValue: () => 'has a value but the column has no name in the header',
  extraValue: (lastColumn: string, delimiter: string) =>
    `is beyond the last column (${lastColumn}); a ${delimiter} inside a value must be in double quotes`,
  missingValues: (cells: number, columns: number, delimiter: string) =>
    `missing: the row has ${plural(cells, 'value')}, the header ${plural(columns, 'column')} (a ${delimiter} inside a value must be in double quotes)`,
  unclosedQuote: () => 'a value in double quotes starts here and is never closed (a " is missing)',
  notAnObject: () => 'is not a GeoJSON Feature with properties',

  // --- values
  isEmpty: (expected: string) => `is empty (expected ${expected})`,
  notANumber: (example: string) => `not a number (expected e.g. ${example})`,
  tooManyDecimals: (decimals: number, example: string) =>
    `has more than ${plural(decimals, 'decimal place')} (expected e.g. ${example}; thousands separators are not allowed)`,
  notAWholeNumber: (example: string) => `not a whole number (expected e.g. ${example})`,
  atLeast: (min: number) => `must be ${min} or more`,
  moreThan: (min: number) => `must be more than ${min}`,
  atMost: (max: number) => `must be at most ${max.toLocaleString('en')}`,
  fteRange: () => 'must be more than 0 and at most 1 (e.g. 0,5 for half time)',
  notALongitude: () => 'not a longitude in degrees (expected e.g. 7,2228; for EPSG:25832 use the columns easting and northing)',
  notALatitude: () => 'not a latitude in degrees (expected e.g. 51,5404; for EPSG:25832 use the columns easting and northing)',
  notYesNo: () => 'not yes or no (expected ja/nein, true/false, yes/no, 1/0, or x/empty)',
  notADate: () => 'not a date (expected e.g. 31.12.2025 or 2025-12-31)',
  notInCalendar: (year: number, month: number, days: number) => `not a day in the calendar (${monthNames[month - 1]} ${year} has ${days} days)`,
  notAMonth: () => 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)',
  notFirstOfMonth: () => 'is a day, not a month (expected the first of the month, e.g. 01.12.2025, or 12.2025)',
  notADayOrMonth: () => 'not a date or month (expected e.g. 31.12.2025, 2025-12-31, 12.2025 or 2025-12)',
  notOneOf: (values: readonly string[], aliases: readonly string[]) =>
    `not one of ${values.join(', ')}${aliases.length ? ` (also accepted: ${aliases.join(', ')})` : ''}`,
  notLanguageCode: (code: string) => `"${code}" is not an ISO 639-1 language code (expected codes such as ro|tr|de)`,
  duplicateInList: (item: string) => `"${item}" is listed twice`,
  notLocalizedText: () => 'expected a text, or an object {"de": "…", "en": "…"} with both languages',
  lowAboveHigh: (high: number) => `is more than high (${high}); expected low ≤ high`,
  over5yAboveRegistered: (registered: number) => `is more than registered (${registered}); these residents are counted among the registered`,

  databaseRefused: (message: string) => `the database could not read this row: ${message}`,

  // --- geometry (GeoJSON)
  noGeometry: (expected: string) => `the feature has no geometry (expected a ${expected})`,
  wrongGeometry: (type: string, expected: string) => `is a ${type}; expected a ${expected}`,
  badCoordinates: (detail: string) => `coordinates are malformed: ${detail}`,
  notDegrees: () => 'coordinates are not degrees (lon/lat); for EPSG:25832 name it in the FeatureCollection\'s "crs" member',

  // --- checks against the whole file and the database
  duplicate: (what: string, firstRow: number, hint?: string) => `same ${what} as row ${firstRow}${hint ? `; ${hint}` : ''}`,
  outsideCity: (city: string, swapped: boolean) =>
    swapped ? `lies outside ${city}; with lon and lat swapped it would lie inside: swap the two columns` : `lies outside ${city} (check the coordinates and their columns)`,
  noSuchProperty: (city: string) => `no property with this key in ${city} (import the properties first)`,
  noSuchCaseManager: (city: string) => `no case manager with this key in ${city} (import the case managers first)`,
  noSuchOffice: (city: string) => `no advisory office with this key in ${city} (import the offices first)`,
  noSuchArea: (city: string) => `no area with this key in ${city}`,
  invalidGeometry: (detail: string) => `the polygon is not valid: ${detail}`,
  areaOutsideCity: (city: string, percent: number) => `only ${percent} % of the area lies inside ${city}; expected an area of this city (check the coordinates)`,
  keyTaken: (level: string) => `this key already belongs to a ${level} that the file does not replace; keys are unique across levels`,
  unknownParent: (ags: string) => `no area with this key in the file or the database (a borough's parent_key is the city's AGS, ${ags})`,
  replacedParent: (level: string) => `names a ${level} that this import replaces, but the file does not contain it`,
  parentLevel: (parentLevel: string, expected: string) => `names a ${parentLevel}; expected ${expected}`,
  orphanedChild: (level: string, name: string, key: string, parentLevel: string) =>
    `the file removes this ${parentLevel}, but the ${level} "${name}" (${key}) lies in it and is not replaced; add the ${parentLevel} to the file, or import the ${level === 'quarter' ? 'quarters' : 'districts'} as well`,
};

/** The closest name within two edits, for "did you mean …?". */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
