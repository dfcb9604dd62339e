import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that start Herne on 8080 with embedded PGlite and no external requests', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      cityAgs: '05916000',
      basemapStyleUrl: undefined,
      defaultLocale: 'de',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(config.pgliteDir).toBe(`${repoRoot}/.data/pglite`);
    expect(config.dataDir).toBe(`${repoRoot}/data`);
    expect(config.sourceDataDir).toBe(resolve(repoRoot, '../shared/data'));
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/atlas',
      PGLITE_DIR: '/var/lib/atlas',
      CITY_AGS: '05911000',
      BASEMAP_STYLE_URL: 'https://example.org/style.json',
      DEFAULT_LOCALE: 'en',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/atlas',
      pgliteDir: '/var/lib/atlas',
      cityAgs: '05911000',
      basemapStyleUrl: 'https://example.org/style.json',
      defaultLocale: 'en',
      logLevel: 'warn',
      trustProxy: true,
    });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '80a',
        DATABASE_URL: 'mysql://x',
        CITY_AGS: '5916',
        BASEMAP_STYLE_URL: 'ftp://x',
        DEFAULT_LOCALE: 'fr',
        LOG_LEVEL: 'loud',
        HOST: 'my host',
        DATA_DIR: '/nonexistent',
        TRUST_PROXY: 'yes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="80a": must be a whole number from 0 to 65535 (0: any free port)',
      'DATABASE_URL: must start with postgres:// or postgresql:// (leave it empty for the embedded PGlite database)',
      'CITY_AGS="5916": must be an 8-digit Amtlicher Gemeindeschlüssel, e.g. 05916000 for Herne',
      'BASEMAP_STYLE_URL="ftp://x": must be an http(s) URL of a MapLibre style',
      'DEFAULT_LOCALE="fr": must be de or en',
      'LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
      'HOST="my host": must be an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost',
      'DATA_DIR="/nonexistent": /nonexistent must hold datasets.json and sources.json (the repository\'s data folder)',
      'TRUST_PROXY="yes": must be true or false',
    ]);
    expect((error as Error).message).toContain('Invalid settings:\n  - PORT="80a"');
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT="70000": must be a whole number from 0 to 65535 (0: any free port)');
  });

  it('PUBLIC_URL is an http(s) origin; unset it is undefined (http://localhost:<PORT>); anything else is named (issue 10)', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://Atlas.Example.org/' }).publicUrl).toBe('https://atlas.example.org');
    expect(loadConfig({ PUBLIC_URL: 'http://atlas.example:8443' }).publicUrl).toBe('http://atlas.example:8443');
    expect(() => loadConfig({ PUBLIC_URL: 'atlas.example' })).toThrow('PUBLIC_URL="atlas.example": must be an http(s) URL such as https://atlas.example.org');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://atlas.example' })).toThrow('PUBLIC_URL="ftp://atlas.example": must start with http:// or https://');
    expect(() => loadConfig({ PUBLIC_URL: 'https://atlas.example/app' })).toThrow('must be an origin without path, query or fragment');
    expect(() => loadConfig({ PUBLIC_URL: 'https://me:pw@atlas.example' })).toThrow('must not hold a user name or password');
  });

  describe('SOURCE_DATA_DIR (issue 10: public data read where it is kept)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'qa-config-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const shared = resolve(repoRoot, '../shared/data');
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };

    it('reads another folder, relative to the repository or absolute', () => {
      const copy = join(scratch, 'copy');
      cpSync(shared, copy, { recursive: true, filter: (path) => !path.includes('basemap') });
      expect(loadConfig({ SOURCE_DATA_DIR: copy }).sourceDataDir).toBe(copy);
      expect(loadConfig({ SOURCE_DATA_DIR: '../shared/data/' }).sourceDataDir).toBe(shared);
    });

    it('a folder that does not exist is one problem naming the folder, every needed file and its publisher', () => {
      const problems = problemsOf({ SOURCE_DATA_DIR: '/nonexistent/shared' });
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem).toMatch(/^SOURCE_DATA_DIR="\/nonexistent\/shared": .* \/nonexistent\/shared does not exist:\n/);
      for (const [file, publisher] of [
        ['herne/nrw_kreise_dvg2_2018.geojson', 'GeoBasis NRW'],
        ['herne/nrw_gemeinden_vg250_simplified_destatis.geojson', 'BKG (GeoBasis-DE) for the boundaries, Destatis'],
        ['herne/germany_gemeinden_vg250_simplified.geojson', 'BKG'],
        ['herne/herne_zensus2011_grid100m.geojson', 'Destatis'],
        ['herne/herne_admin_hierarchy.csv', 'Stadt Herne'],
      ]) {
        expect(problem).toMatch(new RegExp(`missing  ${file}: [^\n]*publisher: [^\n]*${publisher.replace(/[()]/g, '\\$&')}`));
      }
      // Generator inputs are not needed to start.
      expect(problem).not.toContain('herne_ortsteile_centres.csv');
    });

    it('marks only the files that are missing, and checks the city\'s own files only for that city', () => {
      const partial = join(scratch, 'partial');
      mkdirSync(join(partial, 'herne'), { recursive: true });
      for (const file of ['nrw_kreise_dvg2_2018.geojson', 'nrw_gemeinden_vg250_simplified_destatis.geojson', 'germany_gemeinden_vg250_simplified.geojson']) {
        cpSync(join(shared, 'herne', file), join(partial, 'herne', file));
      }
      const [problem] = problemsOf({ SOURCE_DATA_DIR: partial });
      expect(problem).toContain(`${partial} lacks 2 of the 5 files the start needs:`);
      expect(problem).toContain('present  herne/nrw_kreise_dvg2_2018.geojson');
      expect(problem).toContain('missing  herne/herne_zensus2011_grid100m.geojson');
      // Bochum has no manifest: its boundary is all it needs.
      expect(problemsOf({ SOURCE_DATA_DIR: partial, CITY_AGS: '05911000' })).toEqual([]);
    });

    it('a manifest naming a source file that data/sources.json does not list is a DATA_DIR problem', () => {
      const data = join(scratch, 'data');
      cpSync(join(repoRoot, 'data'), data, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(data, 'herne/city.json'), 'utf8'));
      manifest.zensusGrid.file = 'source:herne/grid.geojson';
      writeFileSync(join(data, 'herne/city.json'), JSON.stringify(manifest));
      expect(problemsOf({ DATA_DIR: data })).toEqual([
        `DATA_DIR="${data}": ${data}/herne/city.json names "source:herne/grid.geojson", which ${data}/sources.json does not list`,
      ]);
    });
  });
});

