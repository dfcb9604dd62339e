/**
 * Figures per area as CSV for spreadsheets (German office default: `;` and decimal
 * comma, UTF-8 with BOM so Excel reads umlauts). Synthetic data says so in a column
 * of its own on every row, so the label survives any copy of a single line.
 */
import type { AreaFiguresList } from '../../schemas/figures.ts';

const columns = [
  'gebiet_schluessel',
  'gebiet',
  'monat',
  'registriert_ro',
  'registriert_bg',
  'registriert_ro_bg',
  'davon_unter_6',
  'davon_6_bis_17',
  'davon_ueber_5_jahre_gemeldet',
  'nicht_registriert_schaetzung_von',
  'nicht_registriert_schaetzung_bis',
  'immobilien',
  'problemimmobilien',
  'besuche',
  'letzter_besuch',
  'zensus_2011_einwohner',
  'synthetisch',
];

const cell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function figuresToCsv(list: AreaFiguresList): string {
  const rows = [...list.areas, { ...list.total, key: list.total.key, name: `${list.total.name} (gesamt)` }].map((a) =>
    [
      a.key,
      a.name,
      list.month,
      a.registered.ro,
      a.registered.bg,
      a.registered.roBg,
      a.registered.roBgUnder6,
      a.registered.roBg6to17,
      a.registered.roBgOver5y,
      a.unregistered?.low ?? null,
      a.unregistered?.high ?? null,
      a.properties,
      a.problemProperties,
      a.visits,
      a.lastVisit,
      a.zensusPopulation,
      list.synthetic ? 'ja' : 'nein',
    ]
      .map(cell)
      .join(';'),
  );
  return `\uFEFF${columns.join(';')}\r\n${rows.join('\r\n')}\r\n`;
}
