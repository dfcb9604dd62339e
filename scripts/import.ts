/**
 * `npm run import -- <kind> <file> [--dry-run] [--dataset <id>] [--lang de|en]`: imports one file into
 * the database the server uses (CITY_AGS, DATABASE_URL or PGLITE_DIR), all or nothing
 * (docs/import-formats.md). Prepares the database as the server does on start
 * (migrations, the city's seed when missing), draws a progress bar on stderr, prints a
 * summary and, for a file with errors, a table of them (row, field, value, reason), in
 * German or English (--lang; by default German when LC_ALL, LC_MESSAGES or LANG starts
 * with "de"). A file that cannot be an import of the kind (binary, no header of the
 * kind …) is refused from its first megabyte, before the database is opened (issue 10).
 *
 * Exit codes: 0 imported (or a clean dry run); 1 the file has errors, nothing was
 * written; 2 the command cannot run as asked (unknown kind or dataset, missing file,
 * bad settings, database unavailable).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { DatabaseOpenError, openDatabase } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { withStartUpLock } from '../server/src/db/start-up-lock.ts';
import type { Locale } from '../server/src/i18n/request-locale.ts';
import { ImportUsageError, defaultImportDataset, importTableSpec, runImport } from '../server/src/imports/import-data.ts';
import { sniffBytes, sniffFile } from '../server/src/imports/sniff-file.ts';
import { importKinds, isImportKind, type ImportKind, type ImportError, type ImportProgress, type ImportResult } from '../server/src/schemas/import.ts';
import { UnknownCityError } from '../server/src/seed/resolve-city.ts';
import { seedCity } from '../server/src/seed/seed-city.ts';

const usage = `usage: npm run import -- <kind> <file> [--dry-run] [--dataset <id>] [--lang de|en]
  kind       ${importKinds.join(', ')}
  file       CSV (UTF-8 or Windows-1252, ";" or ",") or GeoJSON, see docs/import-formats.md
  --dry-run  validate everything, write nothing
  --dataset  dataset id the rows are attributed to (data/datasets.json) [default: ${defaultImportDataset}]
  --lang     language of the messages [default: de when LC_ALL, LC_MESSAGES or LANG starts with "de", else en]`;

class UsageError extends Error {}

/** The language of the messages: --lang, else German when the locale settings say German. */
function cliLocale(lang: string | undefined, env: NodeJS.ProcessEnv): Locale {
  if (lang === 'de' || lang === 'en') return lang;
  if (lang !== undefined) throw new UsageError(`--lang must be de or en, not "${lang}"`);
  const setting = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return setting.toLowerCase().startsWith('de') ? 'de' : 'en';
}

let locale: Locale = 'en';
/** The text of the command's language. */
const say = (en: string, de: string) => (locale === 'de' ? de : en);

const number = (n: number) => n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-US');
const units: Record<ImportProgress['phase'], Record<Locale, [string, string]>> = {
  reading: { en: ['byte', 'bytes'], de: ['Byte', 'Bytes'] },
  validating: { en: ['row', 'rows'], de: ['Zeile', 'Zeilen'] },
  checking: { en: ['check', 'checks'], de: ['Prüfung', 'Prüfungen'] },
  applying: { en: ['step', 'steps'], de: ['Schritt', 'Schritte'] },
};
const phases: Record<ImportProgress['phase'], Record<Locale, string>> = {
  reading: { en: 'reading', de: 'lesen' },
  validating: { en: 'validating', de: 'prüfen' },
  checking: { en: 'checking', de: 'abgleichen' },
  applying: { en: 'applying', de: 'schreiben' },
};
const counted = (n: number, phase: ImportProgress['phase']) => `${number(n)} ${units[phase][locale][n === 1 ? 0 : 1]}`;

/** `[#####-----] 45 % validating 4,500/10,000 rows` on a terminal; one line per phase otherwise (logs, tests). */
function progressBar(stream: NodeJS.WriteStream): { update(p: ImportProgress): void; finish(): void } {
  let lastPhase = '';
  let drawn = false;
  return {
    update(p) {
      if (!stream.isTTY) {
        if (p.phase !== lastPhase) stream.write(`${phases[p.phase][locale]} (${counted(p.total, p.phase)}) …\n`);
        lastPhase = p.phase;
        return;
      }
      const share = p.total > 0 ? p.done / p.total : 1;
      const filled = Math.round(share * 10);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(10 - filled)}] ${String(Math.round(share * 100)).padStart(3)} % ${phases[p.phase][locale]} ${number(p.done)}/${counted(p.total, p.phase)}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}

/** The errors as a table of at most 100 lines, plus "… and N more". */
function errorTable(errors: ImportError[], errorCount: number): string {
  const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const rows = errors.map((e) => [e.row === 0 ? say('file', 'Datei') : String(e.row), e.field, clip(e.value, 40), e.reason]);
  const header = locale === 'de' ? ['Zeile', 'Feld', 'Wert', 'Grund'] : ['row', 'field', 'value', 'reason'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padStart(widths[i]) : i === cells.length - 1 ? c : c.padEnd(widths[i]))).join(' | ');
  const lines = [line(header), widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.max(w, 6) : w)).join('-+-'), ...rows.map(line)];
  if (errorCount > errors.length) lines.push(say(`… and ${number(errorCount - errors.length)} more`, `… und ${number(errorCount - errors.length)} weitere`));
  return lines.join('\n');
}

function summary(result: ImportResult, file: string): string {
  const name = basename(file);
  if (result.errorCount > 0) {
    const rows = new Set(result.errors.map((e) => e.row)).size;
    const where = result.errorCount === result.errors.length ? say(` in ${number(rows)} ${rows === 1 ? 'row' : 'rows'}`, ` in ${number(rows)} ${rows === 1 ? 'Zeile' : 'Zeilen'}`) : '';
    const errors = `${number(result.errorCount)} ${result.errorCount === 1 ? say('error', 'Fehler') : say('errors', 'Fehler')}`;
    const head = say(`${result.kind} from ${name}: ${errors}${where}; nothing was imported.`, `${result.kind} aus ${name}: ${errors}${where}; nichts wurde importiert.`);
    return `${head}\n\n${errorTable(result.errors, result.errorCount)}`;
  }
  const counts = say(
    `${number(result.inserted)} inserted, ${number(result.updated)} updated, ${number(result.deleted)} deleted`,
    `${number(result.inserted)} neu, ${number(result.updated)} geändert, ${number(result.deleted)} gelöscht`,
  );
  const lines = [
    result.dryRun
      ? say(
          `Dry run, nothing was written: ${result.kind} from ${name}, ${number(result.rows)} rows would give ${counts}.`,
          `Probelauf, nichts wurde geschrieben: ${result.kind} aus ${name}, ${number(result.rows)} Zeilen ergäben ${counts}.`,
        )
      : say(`${result.kind} from ${name}: ${number(result.rows)} rows, ${counts}.`, `${result.kind} aus ${name}: ${number(result.rows)} Zeilen, ${counts}.`),
  ];
  const months = result.months ?? [];
  const listed = months.length > 6 ? `${months.length} ${say('months', 'Monate')}, ${months[0]} … ${months.at(-1)}` : months.join(', ');
  if (months.length) lines.push(result.dryRun ? say(`Months that would be replaced: ${listed}`, `Monate, die ersetzt würden: ${listed}`) : say(`Months replaced: ${listed}`, `Ersetzte Monate: ${listed}`));
  for (const note of result.notes ?? []) lines.push(`${say('Note', 'Hinweis')}: ${note}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, dataset: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  locale = cliLocale(parsed.values.lang, process.env);
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const [kind, file, ...extra] = parsed.positionals;
  if (!kind || !file) throw new UsageError(kind ? 'missing <file>' : 'missing <kind> and <file>');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!isImportKind(kind)) throw new UsageError(`unknown kind "${kind}"; known kinds: ${importKinds.join(', ')}`);
  if (!existsSync(file)) throw new UsageError(`file "${file}" does not exist`);
  if (!statSync(file).isFile()) throw new UsageError(`"${file}" is not a file`);

  // The first megabyte decides whether the file is worth opening the database for.
  const refused = sniffHead(file, kind);
  if (refused) {
    console.log(summary(refused, file));
    return 1;
  }

  const config = loadConfig();
  const bytes = readFileSync(file);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await withStartUpLock(db.pool, async () => {
      await migrate(db.pool);
      await seedCity(db.pool, config.cityAgs, { dataDir: config.dataDir, sourceDataDir: config.sourceDataDir });
    });
    const bar = progressBar(process.stderr);
    let result: ImportResult;
    try {
      result = await runImport(db.pool, {
        kind,
        bytes,
        cityAgs: config.cityAgs,
        datasets: [parsed.values.dataset ?? defaultImportDataset],
        dryRun: parsed.values['dry-run'] ?? false,
        onProgress: bar.update,
        locale,
      });
    } finally {
      bar.finish();
    }
    console.log(summary(result, file));
    return result.errorCount > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** The result of a file refused from its head, or undefined when the head looks like an import of the kind. */
function sniffHead(file: string, kind: ImportKind): ImportResult | undefined {
  const size = statSync(file).size;
  const head = Buffer.alloc(Math.min(size, sniffBytes));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const sniffed = sniffFile(head, importTableSpec(kind), size <= sniffBytes);
  if (sniffed.verdict !== 'refuse') return undefined;
  const { row, field, value, reason } = sniffed.error;
  return { kind, dryRun: false, rows: 0, inserted: 0, updated: 0, deleted: 0, errors: [{ row, field, value, reason: reason.text[locale], code: reason.code }], errorCount: 1 };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof UsageError) console.error(`import: ${error.message}\n\n${usage}`);
    else if (error instanceof ImportUsageError) console.error(`import: ${error.field}: ${error.reason[locale]}`);
    else if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof UnknownCityError) {
      console.error(`import: ${error.message}`);
    } else {
      console.error(error);
      process.exit(1);
    }
    process.exit(2);
  },
);
