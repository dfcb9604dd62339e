/**
 * Every text an import error shows, in one place, in German and English: a reason
 * says what is wrong and what is expected, so an office worker can fix the cell
 * without reading the spec. Each reason has a `code` that machines read (stable
 * across releases and languages; the table is in docs/import-formats.md); people
 * read the text in their language (HTTP: Accept-Language; CLI: --lang).
 */
import type { LocalizedText } from '../schemas/common.ts';
import type { ImportKind } from '../schemas/import.ts';

/** What is wrong, for machines and in both languages. */
export interface Reason {
  code: ImportReasonCode;
  text: LocalizedText;
}

/** Every code an import error can carry; docs/import-formats.md explains each one. */
export const importReasonCodes = [
  // the file as a whole
  'empty_file',
  'no_data_rows',
  'not_text',
  'binary',
  'utf16',
  'excel_workbook',
  'mixed_encoding',
  'undefined_byte',
  'tab_delimited',
  'not_a_header',
  'not_json',
  'not_feature_collection',
  'json_not_allowed',
  'csv_not_allowed',
  'unsupported_crs',
  // the header and the shape of rows
  'unknown_column',
  'unknown_property',
  'missing_column',
  'missing_property',
  'duplicate_column',
  'both_positions',
  'unnamed_column_value',
  'extra_value',
  'missing_values',
  'unclosed_quote',
  'not_a_feature',
  // values
  'empty_value',
  'not_a_number',
  'too_many_decimals',
  'not_a_whole_number',
  'too_small',
  'too_large',
  'out_of_range',
  'not_a_longitude',
  'not_a_latitude',
  'not_yes_no',
  'not_a_date',
  'not_in_calendar',
  'not_a_month',
  'not_first_of_month',
  'not_a_date_or_month',
  'not_one_of',
  'not_a_language_code',
  'listed_twice',
  'not_localized_text',
  'low_above_high',
  'over_5y_above_registered',
  'database_refused',
  // geometry
  'no_geometry',
  'wrong_geometry',
  'bad_coordinates',
  'not_degrees',
  // checks against the whole file and the database (the codes of the kinds' check queries)
  'duplicate',
  'outside_city',
  'lon_lat_swapped',
  'no_property',
  'no_case_manager',
  'no_office',
  'no_area',
  'invalid_geometry',
  'area_outside_city',
  'key_taken',
  'unknown_parent',
  'replaced_parent',
  'parent_level',
  'orphaned_child',
] as const;
export type ImportReasonCode = (typeof importReasonCodes)[number];

const reason = (code: ImportReasonCode, en: string, de: string): Reason => ({ code, text: { de, en } });

const monthNames: LocalizedText[] = [
  ['January', 'Januar'],
  ['February', 'Februar'],
  ['March', 'März'],
  ['April', 'April'],
  ['May', 'Mai'],
  ['June', 'Juni'],
  ['July', 'Juli'],
  ['August', 'August'],
  ['September', 'September'],
  ['October', 'Oktober'],
  ['November', 'November'],
  ['December', 'Dezember'],
].map(([en, de]) => ({ de, en }));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c" / "a, b und c". */
export function listOf(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** The kinds as a sentence names them (plural). */
export const kindNames: Record<ImportKind, LocalizedText> = {
  areas: { de: 'Gebiete', en: 'areas' },
  offices: { de: 'Beratungsstellen', en: 'offices' },
  properties: { de: 'Immobilien', en: 'properties' },
  residents: { de: 'Einwohnerzahlen', en: 'residents' },
  estimates: { de: 'Schätzungen', en: 'estimates' },
  'status-events': { de: 'Verfahrensschritte', en: 'status events' },
  'case-managers': { de: 'Fallmanager:innen', en: 'case managers' },
  visits: { de: 'Besuche', en: 'visits' },
};

/** Area levels (docs/import-formats.md, glossary in README.md). */
export const levelNames: Record<string, LocalizedText> = {
  city: { de: 'Stadt', en: 'city' },
  borough: { de: 'Stadtbezirk', en: 'borough' },
  quarter: { de: 'Ortsteil', en: 'quarter' },
  district: { de: 'statistischer Bezirk', en: 'district' },
};
const level = (name: string): LocalizedText => levelNames[name] ?? { de: name, en: name };

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const reasons = {
  // --- the file as a whole (row 0)
  emptyFile: () => reason('empty_file', 'the file is empty', 'die Datei ist leer'),
  noDataRows: () => reason('no_data_rows', 'the file has no data rows below the header', 'die Datei hat unter der Kopfzeile keine Datenzeilen'),
  notText: () =>
    reason('not_text', 'is not a text file (it contains NUL bytes); expected a CSV file', 'ist keine Textdatei (sie enthält NUL-Bytes); erwartet wird eine CSV-Datei'),
  binary: (controls: number, bytes: number) =>
    reason(
      'binary',
      `is not a text file: ${controls} of its first ${bytes.toLocaleString('en')} bytes are control characters; expected a CSV or GeoJSON file`,
      `ist keine Textdatei: ${controls} ihrer ersten ${bytes.toLocaleString('de')} Bytes sind Steuerzeichen; erwartet wird eine CSV- oder GeoJSON-Datei`,
    ),
  utf16: () =>
    reason(
      'utf16',
      'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or "CSV (Trennzeichen-getrennt)"',
      'die Datei ist UTF-16 („Unicode-Text“); speichern Sie sie als „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“',
    ),
  excelWorkbook: () =>
    reason(
      'excel_workbook',
      'the file is an Excel workbook, not CSV; save it as "CSV UTF-8 (durch Trennzeichen getrennt)"',
      'die Datei ist eine Excel-Arbeitsmappe, keine CSV-Datei; speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“',
    ),
  mixedEncoding: (utf8Row: number) =>
    reason(
      'mixed_encoding',
      `this row is Windows-1252 but row ${utf8Row} is UTF-8: the file mixes two encodings, so one of them would be read wrongly; save the whole file once as "CSV UTF-8"`,
      `diese Zeile ist Windows-1252, Zeile ${utf8Row} aber UTF-8: die Datei mischt zwei Kodierungen, eine davon würde falsch gelesen; speichern Sie die ganze Datei einmal als „CSV UTF-8“`,
    ),
  undefinedByte: (byte: number) => {
    const hex = `0x${byte.toString(16).toUpperCase()}`;
    return reason(
      'undefined_byte',
      `byte ${hex} is not a character in UTF-8 or Windows-1252; is this a CSV file?`,
      `das Byte ${hex} ist weder in UTF-8 noch in Windows-1252 ein Zeichen; ist das eine CSV-Datei?`,
    );
  },
  tabDelimited: () =>
    reason(
      'tab_delimited',
      'columns are separated by tabs; expected ; or , (save as "CSV")',
      'die Spalten sind durch Tabulatoren getrennt; erwartet wird ; oder , (als „CSV“ speichern)',
    ),
  notAHeader: (kind: ImportKind, expected: readonly string[]) =>
    reason(
      'not_a_header',
      `the first line is not a header of ${kindNames[kind].en}: it names none of their columns (expected: ${expected.join(', ')})`,
      `die erste Zeile ist keine Kopfzeile für ${kindNames[kind].de}: sie nennt keine ihrer Spalten (erwartet: ${expected.join(', ')})`,
    ),
  headerTooLong: (kind: ImportKind, bytes: number) =>
    reason(
      'not_a_header',
      `the first line is longer than ${bytes.toLocaleString('en')} bytes, so it is no header of ${kindNames[kind].en}; expected a CSV file`,
      `die erste Zeile ist länger als ${bytes.toLocaleString('de')} Bytes und damit keine Kopfzeile für ${kindNames[kind].de}; erwartet wird eine CSV-Datei`,
    ),
  /** `message` is JSON.parse's own (English) words; the position is given in the reader's language. */
  notJson: (message: string, at?: { line: number; column: number }) =>
    reason(
      'not_json',
      `not valid JSON: ${message}${at ? ` (line ${at.line}, column ${at.column})` : ''}`,
      `kein gültiges JSON: ${message}${at ? ` (Zeile ${at.line}, Spalte ${at.column})` : ''}`,
    ),
  notJsonStart: () =>
    reason(
      'not_json',
      'does not start like JSON: after "{" a member name in double quotes is expected',
      'beginnt nicht wie JSON: nach „{“ wird ein Name in doppelten Anführungszeichen erwartet',
    ),
  notFeatureCollection: () =>
    reason(
      'not_feature_collection',
      'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})',
      'keine GeoJSON-FeatureCollection (erwartet: {"type": "FeatureCollection", "features": [...]})',
    ),
  jsonNotAllowed: (kind: ImportKind) =>
    reason(
      'json_not_allowed',
      `the file is JSON; ${kindNames[kind].en} are imported from CSV (a header row, then one row per record)`,
      `die Datei ist JSON; ${kindNames[kind].de} werden aus CSV importiert (eine Kopfzeile, dann eine Zeile je Datensatz)`,
    ),
  csvNotAllowed: (kind: ImportKind) =>
    reason(
      'csv_not_allowed',
      `${kindNames[kind].en} are imported from GeoJSON only (a FeatureCollection of Polygons and MultiPolygons)`,
      `${kindNames[kind].de} werden nur aus GeoJSON importiert (eine FeatureCollection aus Polygonen und MultiPolygonen)`,
    ),
  unsupportedCrs: (name: string) =>
    reason(
      'unsupported_crs',
      `coordinate reference system "${name}" is not supported; expected EPSG:4326 (lon/lat, the GeoJSON default) or EPSG:25832`,
      `das Koordinatenreferenzsystem „${name}“ wird nicht unterstützt; erwartet wird EPSG:4326 (lon/lat, der GeoJSON-Standard) oder EPSG:25832`,
    ),

  // --- the header (row 1) and the shape of rows
  unknownColumn: (expected: string[], suggestion?: string) =>
    suggestion
      ? reason('unknown_column', `unknown column (did you mean ${suggestion}?)`, `unbekannte Spalte (meinten Sie ${suggestion}?)`)
      : reason('unknown_column', `unknown column; expected: ${expected.join(', ')}`, `unbekannte Spalte; erwartet: ${expected.join(', ')}`),
  unknownProperty: (expected: string[], suggestion?: string) =>
    suggestion
      ? reason('unknown_property', `unknown property (did you mean ${suggestion}?)`, `unbekannte Eigenschaft (meinten Sie ${suggestion}?)`)
      : reason('unknown_property', `unknown property; expected: ${expected.join(', ')}`, `unbekannte Eigenschaft; erwartet: ${expected.join(', ')}`),
  missingColumn: (alternative?: LocalizedText) =>
    alternative
      ? reason('missing_column', `required column is missing (or use ${alternative.en})`, `Pflichtspalte fehlt (oder verwenden Sie ${alternative.de})`)
      : reason('missing_column', 'required column is missing', 'Pflichtspalte fehlt'),
  missingProperty: () => reason('missing_property', 'required property is missing', 'Pflichteigenschaft fehlt'),
  duplicateColumn: (first: string) =>
    reason('duplicate_column', `appears twice in the header (first in column ${first})`, `steht zweimal in der Kopfzeile (zuerst in Spalte ${first})`),
  bothPositions: () =>
    reason('both_positions', 'use either lon and lat or easting and northing, not both', 'verwenden Sie entweder lon und lat oder easting und northing, nicht beide'),
  unnamedColumnWithValue: () =>
    reason('unnamed_column_value', 'has a value but the column has no name in the header', 'hat einen Wert, aber die Spalte hat in der Kopfzeile keinen Namen'),
  extraValue: (lastColumn: string, delimiter: string) =>
    reason(
      'extra_value',
      `is beyond the last column (${lastColumn}); a ${delimiter} inside a value must be in double quotes`,
      `steht hinter der letzten Spalte (${lastColumn}); ein ${delimiter} innerhalb eines Werts muss in doppelten Anführungszeichen stehen`,
    ),
  missingValues: (cells: number, columns: number, delimiter: string) =>
    reason(
      'missing_values',
      `missing: the row has ${plural(cells, 'value', 'values')}, the header ${plural(columns, 'column', 'columns')} (a ${delimiter} inside a value must be in double quotes)`,
      `fehlt: die Zeile hat ${plural(cells, 'Wert', 'Werte')}, die Kopfzeile ${plural(columns, 'Spalte', 'Spalten')} (ein ${delimiter} innerhalb eines Werts muss in doppelten Anführungszeichen stehen)`,
    ),
  unclosedQuote: (line: number) =>
    reason(
      'unclosed_quote',
      `a value in double quotes starts here (line ${line} of the file) and is never closed (a " is missing)`,
      `ein Wert in doppelten Anführungszeichen beginnt hier (Zeile ${line} der Datei) und wird nie geschlossen (ein " fehlt)`,
    ),
  notAnObject: () => reason('not_a_feature', 'is not a GeoJSON Feature with properties', 'ist kein GeoJSON-Feature mit Eigenschaften (properties)'),

  // --- values
  isEmpty: (expected: LocalizedText) => reason('empty_value', `is empty (expected ${expected.en})`, `ist leer (erwartet: ${expected.de})`),
  notANumber: (example: string) => reason('not_a_number', `not a number (expected e.g. ${example})`, `keine Zahl (erwartet z. B. ${example})`),
  tooManyDecimals: (decimals: number, example: string) =>
    reason(
      'too_many_decimals',
      `has more than ${plural(decimals, 'decimal place', 'decimal places')} (expected e.g. ${example}; thousands separators are not allowed)`,
      `hat mehr als ${plural(decimals, 'Nachkommastelle', 'Nachkommastellen')} (erwartet z. B. ${example}; Tausendertrennzeichen sind nicht erlaubt)`,
    ),
  notAWholeNumber: (example: string) =>
    reason('not_a_whole_number', `not a whole number (expected e.g. ${example})`, `keine ganze Zahl (erwartet z. B. ${example})`),
  atLeast: (min: number) => reason('too_small', `must be ${min} or more`, `muss ${min} oder mehr sein`),
  moreThan: (min: number) => reason('too_small', `must be more than ${min}`, `muss größer als ${min} sein`),
  atMost: (max: number) => reason('too_large', `must be at most ${max.toLocaleString('en')}`, `darf höchstens ${max.toLocaleString('de')} sein`),
  fteRange: () =>
    reason(
      'out_of_range',
      'must be more than 0 and at most 1 (e.g. 0,5 for half time)',
      'muss größer als 0 und höchstens 1 sein (z. B. 0,5 für eine halbe Stelle)',
    ),
  notALongitude: () =>
    reason(
      'not_a_longitude',
      'not a longitude in degrees (expected e.g. 7,2228; for EPSG:25832 use the columns easting and northing)',
      'kein Längengrad in Grad (erwartet z. B. 7,2228; für EPSG:25832 die Spalten easting und northing verwenden)',
    ),
  notALatitude: () =>
    reason(
      'not_a_latitude',
      'not a latitude in degrees (expected e.g. 51,5404; for EPSG:25832 use the columns easting and northing)',
      'kein Breitengrad in Grad (erwartet z. B. 51,5404; für EPSG:25832 die Spalten easting und northing verwenden)',
    ),
  notYesNo: () =>
    reason(
      'not_yes_no',
      'not yes or no (expected ja/nein, true/false, yes/no, 1/0, or x/empty)',
      'weder ja noch nein (erwartet: ja/nein, true/false, yes/no, 1/0 oder x/leer)',
    ),
  notADate: () => reason('not_a_date', 'not a date (expected e.g. 31.12.2025 or 2025-12-31)', 'kein Datum (erwartet z. B. 31.12.2025 oder 2025-12-31)'),
  notInCalendar: (year: number, month: number, days: number) =>
    reason(
      'not_in_calendar',
      `not a day in the calendar (${monthNames[month - 1].en} ${year} has ${days} days)`,
      `kein Tag im Kalender (der ${monthNames[month - 1].de} ${year} hat ${days} Tage)`,
    ),
  notAMonth: () =>
    reason('not_a_month', 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)', 'kein Monat (erwartet z. B. 12.2025, 2025-12 oder 01.12.2025)'),
  notFirstOfMonth: () =>
    reason(
      'not_first_of_month',
      'is a day, not a month (expected the first of the month, e.g. 01.12.2025, or 12.2025)',
      'ist ein Tag, kein Monat (erwartet der Monatserste, z. B. 01.12.2025, oder 12.2025)',
    ),
  notADayOrMonth: () =>
    reason(
      'not_a_date_or_month',
      'not a date or month (expected e.g. 31.12.2025, 2025-12-31, 12.2025 or 2025-12)',
      'weder Datum noch Monat (erwartet z. B. 31.12.2025, 2025-12-31, 12.2025 oder 2025-12)',
    ),
  notOneOf: (values: readonly string[], aliases: readonly string[]) =>
    reason(
      'not_one_of',
      `not one of ${values.join(', ')}${aliases.length ? ` (also accepted: ${aliases.join(', ')})` : ''}`,
      `keiner der Werte ${values.join(', ')}${aliases.length ? ` (auch möglich: ${aliases.join(', ')})` : ''}`,
    ),
  notLanguageCode: (code: string) =>
    reason(
      'not_a_language_code',
      `"${code}" is not an ISO 639-1 language code (expected codes such as ro|tr|de)`,
      `„${code}“ ist kein Sprachcode nach ISO 639-1 (erwartet Codes wie ro|tr|de)`,
    ),
  duplicateInList: (item: string) => reason('listed_twice', `"${item}" is listed twice`, `„${item}“ steht zweimal in der Liste`),
  notLocalizedText: () =>
    reason(
      'not_localized_text',
      'expected a text, or an object {"de": "…", "en": "…"} with both languages',
      'erwartet ein Text oder ein Objekt {"de": "…", "en": "…"} mit beiden Sprachen',
    ),
  lowAboveHigh: (high: number) =>
    reason('low_above_high', `is more than high (${high}); expected low ≤ high`, `ist größer als high (${high}); erwartet low ≤ high`),
  over5yAboveRegistered: (registered: number) =>
    reason(
      'over_5y_above_registered',
      `is more than registered (${registered}); these residents are counted among the registered`,
      `ist größer als registered (${registered}); diese Einwohner:innen zählen zu den gemeldeten`,
    ),

  /** `message` is the database's own (English) words: the one detail only it can give. */
  databaseRefused: (message: string) =>
    reason('database_refused', `the database could not read this row: ${message}`, `die Datenbank konnte diese Zeile nicht lesen: ${message}`),

  // --- geometry (GeoJSON)
  noGeometry: (expected: string) =>
    reason('no_geometry', `the feature has no geometry (expected a ${expected})`, `das Feature hat keine Geometrie (erwartet: ${expected})`),
  wrongGeometry: (type: string, expected: string) =>
    reason('wrong_geometry', `is a ${type}; expected a ${expected}`, `ist ein ${type}; erwartet: ${expected}`),
  badCoordinates: (detail: LocalizedText) =>
    reason('bad_coordinates', `coordinates are malformed: ${detail.en}`, `die Koordinaten sind fehlerhaft: ${detail.de}`),
  notDegrees: () =>
    reason(
      'not_degrees',
      'coordinates are not degrees (lon/lat); for EPSG:25832 name it in the FeatureCollection\'s "crs" member',
      'die Koordinaten sind keine Grad (lon/lat); für EPSG:25832 nennen Sie es im Element „crs“ der FeatureCollection',
    ),

  // --- checks against the whole file and the database
  duplicate: (fields: readonly string[], firstRow: number, hint?: LocalizedText) =>
    reason(
      'duplicate',
      `same ${listOf(fields, 'and')} as row ${firstRow}${hint ? `; ${hint.en}` : ''}`,
      `gleiche Werte in ${listOf(fields, 'und')} wie in Zeile ${firstRow}${hint ? `; ${hint.de}` : ''}`,
    ),
  outsideCity: (city: string, swapped: boolean) =>
    swapped
      ? reason(
          'lon_lat_swapped',
          `lies outside ${city}; with lon and lat swapped it would lie inside: swap the two columns`,
          `liegt außerhalb von ${city}; mit vertauschtem lon und lat läge der Punkt innerhalb: tauschen Sie die beiden Spalten`,
        )
      : reason(
          'outside_city',
          `lies outside ${city} (check the coordinates and their columns)`,
          `liegt außerhalb von ${city} (prüfen Sie die Koordinaten und ihre Spalten)`,
        ),
  noSuchProperty: (city: string) =>
    reason(
      'no_property',
      `no property with this key in ${city} (import the properties first)`,
      `keine Immobilie mit diesem Schlüssel in ${city} (importieren Sie zuerst die Immobilien)`,
    ),
  noSuchCaseManager: (city: string) =>
    reason(
      'no_case_manager',
      `no case manager with this key in ${city} (import the case managers first)`,
      `keine Fallmanager:in mit diesem Schlüssel in ${city} (importieren Sie zuerst die Fallmanager:innen)`,
    ),
  noSuchOffice: (city: string) =>
    reason(
      'no_office',
      `no advisory office with this key in ${city} (import the offices first)`,
      `keine Beratungsstelle mit diesem Schlüssel in ${city} (importieren Sie zuerst die Beratungsstellen)`,
    ),
  noSuchArea: (city: string) => reason('no_area', `no area with this key in ${city}`, `kein Gebiet mit diesem Schlüssel in ${city}`),
  invalidGeometry: (detail: string) =>
    reason('invalid_geometry', `the polygon is not valid: ${detail}`, `das Polygon ist ungültig: ${detail}`),
  areaOutsideCity: (city: string, percent: number) =>
    reason(
      'area_outside_city',
      `only ${percent} % of the area lies inside ${city}; expected an area of this city (check the coordinates)`,
      `nur ${percent} % des Gebiets liegen in ${city}; erwartet wird ein Gebiet dieser Stadt (prüfen Sie die Koordinaten)`,
    ),
  keyTaken: (levelName: string) =>
    reason(
      'key_taken',
      `this key already belongs to a ${level(levelName).en} that the file does not replace; keys are unique across levels`,
      `dieser Schlüssel gehört schon zu einem Gebiet der Ebene „${level(levelName).de}“, das die Datei nicht ersetzt; Schlüssel sind über alle Ebenen eindeutig`,
    ),
  unknownParent: (ags: string) =>
    reason(
      'unknown_parent',
      `no area with this key in the file or the database (a borough's parent_key is the city's AGS, ${ags})`,
      `kein Gebiet mit diesem Schlüssel in der Datei oder der Datenbank (der parent_key eines Stadtbezirks ist der AGS der Stadt, ${ags})`,
    ),
  replacedParent: (levelName: string) =>
    reason(
      'replaced_parent',
      `names a ${level(levelName).en} that this import replaces, but the file does not contain it`,
      `nennt ein Gebiet der Ebene „${level(levelName).de}“, die dieser Import ersetzt, das aber nicht in der Datei steht`,
    ),
  /** `childLevel` decides what a parent may be: a borough's is the city, a quarter's a borough or the city … */
  parentLevel: (parentLevel: string, childLevel: string, ags: string) => {
    const expected: Record<string, LocalizedText> = {
      borough: { en: `the city (${ags})`, de: `die Stadt (${ags})` },
      quarter: { en: 'a borough or the city', de: 'ein Stadtbezirk oder die Stadt' },
      district: { en: 'a quarter, a borough or the city', de: 'ein Ortsteil, ein Stadtbezirk oder die Stadt' },
    };
    const wanted = expected[childLevel] ?? { en: 'an area of a higher level', de: 'ein Gebiet einer höheren Ebene' };
    return reason(
      'parent_level',
      `names a ${level(parentLevel).en}; expected ${wanted.en}`,
      `nennt ein Gebiet der Ebene „${level(parentLevel).de}“; erwartet: ${wanted.de}`,
    );
  },
  orphanedChild: (childLevel: string, name: string, key: string, parentLevel: string) => {
    const [child, parent] = [level(childLevel), level(parentLevel)];
    const plurals: Record<string, LocalizedText> = { quarter: { en: 'quarters', de: 'Ortsteile' }, district: { en: 'districts', de: 'statistischen Bezirke' } };
    const children = plurals[childLevel] ?? plurals.district;
    return reason(
      'orphaned_child',
      `the file removes this ${parent.en}, but the ${child.en} "${name}" (${key}) lies in it and is not replaced; add the ${parent.en} to the file, or import the ${children.en} as well`,
      `die Datei entfernt dieses Gebiet (${parent.de}), aber „${name}“ (${key}, ${child.de}) liegt darin und wird nicht ersetzt; nehmen Sie das Gebiet in die Datei auf oder importieren Sie auch die ${children.de}`,
    );
  },
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
