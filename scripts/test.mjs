#!/usr/bin/env node
/**
 * `npm test` (extra arguments go to vitest: `npm test -- server/test/engines.test.ts`).
 *
 * 1. Checks the system programs the tests need: PostgreSQL 15+ with the PostGIS
 *    extension files (not needed when DATABASE_URL points at a PostGIS server) and
 *    Chromium. As root on Debian it installs what is missing with apt-get; otherwise
 *    it stops and says what to install. The tests never skip silently.
 * 2. Builds the client (`vite build`): the browser tests load the production build.
 * 3. Runs `vitest run` and exits with its code.
 *
 * Plain Node on purpose: it must run before anything else works.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const postgresPackages = ['postgresql-15', 'postgresql-15-postgis-3'];

function missingPrograms() {
  const missing = [];
  if (!process.env.DATABASE_URL) {
    const problem = postgresProblem();
    if (problem) missing.push({ what: problem, packages: postgresPackages, fixable: !process.env.POSTGRES_BIN_DIR });
  }
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push({ what: `Chromium (${chromium})`, packages: ['chromium'], fixable: !process.env.CHROMIUM_PATH });
  return missing;
}

/** The same lookup as server/test/postgis-cluster.ts: POSTGRES_BIN_DIR, else the highest /usr/lib/postgresql/<v>/bin. */
function postgresProblem() {
  let binDir = process.env.POSTGRES_BIN_DIR;
  if (!binDir) {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(`${root}/${v}/bin/postgres`)) : [];
    if (versions.length === 0) return `PostgreSQL server (no ${root}/<version>/bin/postgres)`;
    binDir = `${root}/${Math.max(...versions.map(Number))}/bin`;
  }
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(`${binDir}/${tool}`)) return `PostgreSQL server (${binDir}/${tool})`;
  }
  const version = execFileSync(`${binDir}/postgres`, ['--version'], { encoding: 'utf8' });
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1]);
  if (!(major >= 15)) return `PostgreSQL 15 or newer (found "${version.trim()}")`;
  const control = `/usr/share/postgresql/${major}/extension/postgis.control`;
  if (!existsSync(control)) return `PostGIS for PostgreSQL ${major} (${control})`;
  return undefined;
}

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.status ?? result.signal})`);
  return result.status ?? 1;
}

let missing = missingPrograms();
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap((m) => m.packages))];
  const canInstall =
    process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get') && missing.every((m) => m.fixable);
  if (canInstall) {
    console.log(`Missing: ${missing.map((m) => m.what).join('; ')}. Installing with apt-get.`);
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    if (run('apt-get', ['update']) !== 0 || run('apt-get', ['install', '-y', ...packages]) !== 0) {
      console.error('apt-get failed; see its output above.');
      process.exit(1);
    }
    missing = missingPrograms();
  }
  if (missing.length > 0) {
    console.error(`The tests need programs that are missing:\n${missing.map((m) => `  - ${m.what}`).join('\n')}`);
    console.error(`Install them (as root on Debian/Ubuntu): apt-get install -y ${packages.join(' ')}`);
    if (missing.some((m) => m.packages === postgresPackages)) {
      console.error('Or set DATABASE_URL to an existing PostGIS server (a superuser URL; the tests create and drop databases there).');
    }
    if (missing.some((m) => !m.fixable)) console.error('(POSTGRES_BIN_DIR or CHROMIUM_PATH is set: check that path.)');
    process.exit(1);
  }
}

// `--no`: never download a package called vite if node_modules is incomplete; fail instead.
const buildStatus = run('npx', ['--no', 'vite', 'build']);
if (buildStatus !== 0) {
  console.error('The client build failed; the browser tests need client/dist.');
  process.exit(buildStatus);
}

const vitest = spawnSync('npx', ['--no', 'vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
if (vitest.error) throw vitest.error;
process.exit(vitest.status ?? 1);
