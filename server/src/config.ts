/**
 * Settings come from environment variables, are validated once at start-up, and
 * every bad variable is named in one error, so a deployment is fixed in one pass.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from './schemas/common.ts';
import { describeMissingSourceData, neededSourceFiles } from './seed/source-data.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  /** TCP port of the HTTP server; 0 picks a free one. @default 8080 */
  port: number;
  /** Interface to bind. @default '127.0.0.1' (nothing is exposed beyond this machine unless asked) */
  host: string;
  /** `postgres://…` of a PostGIS server; unset: embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PGlite database. @default '<repo>/.data/pglite' */
  pgliteDir: string;
  /** Amtlicher Gemeindeschlüssel (8 digits) of the city the app shows. @default '05916000' (Herne) */
  cityAgs: string;
  /** A MapLibre style URL to draw under our layers; unset: the self-contained style. */
  basemapStyleUrl: string | undefined;
  /** Language of the UI when the URL does not choose one. @default 'de' */
  defaultLocale: Locale;
  /** Fastify/pino log level. @default 'info' */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The project's own seed data (`datasets.json`, `sources.json`, `<city>/city.json`). @default '<repo>/data' */
  dataDir: string;
  /**
   * Folder the public data sets are kept in (boundaries, Zensus grid; listed in
   * `data/sources.json`); read there, never copied. @default '<repo>/../shared/data'
   */
  sourceDataDir: string;
  /** Folder with the built client. @default '<repo>/client/dist' */
  clientDir: string;
  /**
   * Trust X-Forwarded-* headers (set it behind a load balancer): the client's address and
   * the Host it asked for come from them. URLs are built from `publicUrl`, never from a
   * header, so not even a trusted proxy chooses them. @default false
   */
  trustProxy: boolean;
  /**
   * The origin users reach the app at (`https://atlas.example.org`), without a path:
   * absolute URLs (TileJSON) are built from it, and a request for any other Host is
   * refused (421). Unset: `http://localhost:<port>`, and only loopback names
   * (localhost, 127.0.0.1, [::1]) with the listening port are served.
   */
  publicUrl: string | undefined;
}

/** One entry per setting: the variable, its default, and what it means (the README's settings table). */
export const settings = [
  { variable: 'PORT', default: '8080', description: 'HTTP port' },
  { variable: 'HOST', default: '127.0.0.1', description: 'Interface to bind; 0.0.0.0 to serve the network' },
  { variable: 'DATABASE_URL', default: '', description: 'postgres://… of a PostGIS server; empty: embedded PGlite' },
  { variable: 'PGLITE_DIR', default: '.data/pglite', description: 'Folder of the embedded database (relative to the repository)' },
  { variable: 'CITY_AGS', default: '05916000', description: 'Amtlicher Gemeindeschlüssel of the city (8 digits)' },
  { variable: 'BASEMAP_STYLE_URL', default: '', description: 'MapLibre style URL of a basemap (needs internet); empty: self-contained style' },
  { variable: 'DEFAULT_LOCALE', default: 'de', description: 'UI language: de or en' },
  { variable: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  { variable: 'DATA_DIR', default: 'data', description: "The project's own seed data folder (relative to the repository)" },
  { variable: 'SOURCE_DATA_DIR', default: '../shared/data', description: 'Folder of the public data sets (relative to the repository); read there, not copied' },
  { variable: 'TRUST_PROXY', default: 'false', description: 'true behind a load balancer that sets X-Forwarded-*' },
  { variable: 'PUBLIC_URL', default: '', description: 'Origin users reach the app at, e.g. https://atlas.example.org; empty: http://localhost:<PORT>' },
] as const;

/** `SOURCE_DATA_DIR`'s default as an absolute path, for callers that seed without settings (tests, bench). */
export const defaultSourceDataDir = resolve(repoRoot, settings.find((s) => s.variable === 'SOURCE_DATA_DIR')!.default);

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const value = (name: (typeof settings)[number]['variable']): string => {
    const raw = env[name];
    return raw === undefined || raw === '' ? settings.find((s) => s.variable === name)!.default : raw.trim();
  };

  const portText = value('PORT');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT="${portText}": must be a whole number from 0 to 65535 (0: any free port)`);

  const databaseUrl = value('DATABASE_URL') || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: must start with postgres:// or postgresql:// (leave it empty for the embedded PGlite database)');
  }

  const cityAgs = value('CITY_AGS');
  if (!/^\d{8}$/.test(cityAgs)) problems.push(`CITY_AGS="${cityAgs}": must be an 8-digit Amtlicher Gemeindeschlüssel, e.g. 05916000 for Herne`);

  const basemapStyleUrl = value('BASEMAP_STYLE_URL') || undefined;
  if (basemapStyleUrl && !/^https?:\/\/\S+$/.test(basemapStyleUrl)) {
    problems.push(`BASEMAP_STYLE_URL="${basemapStyleUrl}": must be an http(s) URL of a MapLibre style`);
  }

  const defaultLocale = value('DEFAULT_LOCALE');
  if (!(locales as readonly string[]).includes(defaultLocale)) problems.push(`DEFAULT_LOCALE="${defaultLocale}": must be ${locales.join(' or ')}`);

  const logLevel = value('LOG_LEVEL');
  if (!(logLevels as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}": must be one of ${logLevels.join(', ')}`);

  const host = value('HOST');
  if (isIP(host) === 0 && host !== 'localhost') problems.push(`HOST="${host}": must be an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost`);

  const dataDir = resolve(repoRoot, value('DATA_DIR'));
  const sourceDataDir = resolve(repoRoot, value('SOURCE_DATA_DIR'));
  if (!existsSync(join(dataDir, 'datasets.json')) || !existsSync(join(dataDir, 'sources.json'))) {
    problems.push(`DATA_DIR="${value('DATA_DIR')}": ${dataDir} must hold datasets.json and sources.json (the repository's data folder)`);
  } else {
    // Which public files are needed depends on the city, so a bad CITY_AGS checks the boundaries only.
    try {
      const needed = neededSourceFiles(dataDir, /^\d{8}$/.test(cityAgs) ? cityAgs : undefined);
      const missing = needed.filter((f) => !existsSync(join(sourceDataDir, f.path)));
      if (missing.length > 0) problems.push(describeMissingSourceData(value('SOURCE_DATA_DIR'), sourceDataDir, needed, missing));
    } catch (error) {
      problems.push(`DATA_DIR="${value('DATA_DIR')}": ${(error as Error).message}`);
    }
  }

  const trustProxy = value('TRUST_PROXY');
  if (trustProxy !== 'true' && trustProxy !== 'false') problems.push(`TRUST_PROXY="${trustProxy}": must be true or false`);

  const publicUrlText = value('PUBLIC_URL');
  const publicUrl = publicUrlText === '' ? undefined : parsePublicUrl(publicUrlText);
  if (publicUrl instanceof Error) problems.push(`PUBLIC_URL="${publicUrlText}": ${publicUrl.message}`);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    databaseUrl,
    pgliteDir: resolve(repoRoot, value('PGLITE_DIR')),
    cityAgs,
    basemapStyleUrl,
    defaultLocale: defaultLocale as Config['defaultLocale'],
    logLevel: logLevel as Config['logLevel'],
    dataDir,
    sourceDataDir,
    clientDir: resolve(repoRoot, 'client/dist'),
    trustProxy: trustProxy === 'true',
    publicUrl: publicUrl as string | undefined,
  };
}

/** `https://atlas.example.org` (a trailing slash is dropped) → its origin; anything more is an error that says why. */
function parsePublicUrl(text: string): string | Error {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return new Error('must be an http(s) URL such as https://atlas.example.org');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return new Error('must start with http:// or https://');
  if (url.username || url.password) return new Error('must not hold a user name or password');
  if (url.pathname !== '/' || url.search || url.hash) return new Error('must be an origin without path, query or fragment (the app is served at the root)');
  return url.origin;
}
