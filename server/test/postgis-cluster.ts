/**
 * A throwaway PostgreSQL + PostGIS cluster for the test run: initdb into a fresh
 * temp folder, start it on a free loopback port, and throw it all away afterwards.
 *
 * The apt packages are the source of the binaries (`postgresql-15`,
 * `postgresql-15-postgis-3`); nothing is downloaded here. If they are missing we
 * throw, naming what is missing: a test run that silently skips PostGIS would
 * let engine-specific bugs through.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** initdb refuses to run as root, so as root we run the server as this system user. */
const serviceUser = 'qa-pg';
const minimumMajor = 15;
const installHint =
  'Install them with `apt-get install -y postgresql-15 postgresql-15-postgis-3` (as root on Debian/Ubuntu), ' +
  'or set DATABASE_URL to an existing PostGIS server (a superuser URL; the tests create and drop databases there).';

export interface PostgisCluster {
  /** Superuser URL of the `postgres` database (trust auth, no password). */
  url: string;
  stop(): Promise<void>;
}

export interface PostgresInstallation {
  binDir: string;
  major: number;
}

/**
 * Finds the server binaries: `POSTGRES_BIN_DIR` if set (also handy to simulate a
 * machine without PostgreSQL), otherwise the highest `/usr/lib/postgresql/<v>/bin`
 * (Debian's layout). Checks the PostGIS extension files of that version too.
 */
export function findPostgres(env: NodeJS.ProcessEnv = process.env): PostgresInstallation {
  let binDir = env.POSTGRES_BIN_DIR;
  if (!binDir) {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root)
      ? readdirSync(root)
          .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'postgres')))
          .map(Number)
          .sort((a, b) => b - a)
      : [];
    if (versions.length === 0) {
      throw new Error(`PostgreSQL server binaries not found: no ${root}/<version>/bin/postgres. ${installHint}`);
    }
    binDir = join(root, String(versions[0]), 'bin');
  }
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((tool) => !existsSync(join(binDir, tool)));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL server binaries not found: ${missing.map((t) => join(binDir, t)).join(', ')} missing. ${installHint}`);
  }
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15
  const versionText = execFileSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(versionText)?.[1]);
  if (!(major >= minimumMajor)) {
    throw new Error(`PostgreSQL ${minimumMajor} or newer is needed, ${join(binDir, 'postgres')} is "${versionText.trim()}". ${installHint}`);
  }
  const control = `/usr/share/postgresql/${major}/extension/postgis.control`;
  if (!existsSync(control)) {
    throw new Error(
      `PostGIS extension files not found: ${control} is missing. ` +
        `Install them with \`apt-get install -y postgresql-${major}-postgis-3\` (as root on Debian/Ubuntu), ` +
        'or set DATABASE_URL to an existing PostGIS server.',
    );
  }
  return { binDir, major };
}

export async function startPostgisCluster(): Promise<PostgisCluster> {
  const { binDir } = findPostgres();
  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(join(tmpdir(), 'qa-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    owner = await ensureServiceUser();
    await chown(root, owner.uid, owner.gid); // the server writes its data, log and socket here
  }
  // As root, run the PostgreSQL tools as the service user; otherwise directly.
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', serviceUser, '--', join(binDir, name), ...args]) : run(join(binDir, name), args);

  try {
    // C collation with a UTF-8 ctype is what PGlite uses, so ORDER BY on text sorts
    // the same on both engines. --no-sync: the cluster is thrown away anyway.
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--lc-collate=C', '--no-sync', '--no-instructions']);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${describe(error)}`);
  }

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = [
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${root}`,
      // Durability is worthless for a cluster that is deleted after the run; without
      // fsync, CREATE DATABASE … TEMPLATE and the seed are several times faster.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      // JIT costs more than it saves on test-sized data (STACK_NOTES §2).
      '-c jit=off',
      // Two vitest workers, each file with its own pool, plus the admin connections.
      '-c max_connections=200',
    ].join(' ');
    try {
      await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', options, 'start']);
      break;
    } catch (error) {
      // The port found free may have been taken in between; try another one.
      if (attempt >= 3) {
        const log = await run('tail', ['-n', '20', logFile]).then((r) => r.stdout, () => '');
        await rm(root, { recursive: true, force: true });
        throw new Error(`pg_ctl start failed: ${describe(error)}\n${log}`);
      }
    }
  }

  const stopSync = () => {
    try {
      const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', serviceUser, '--', join(binDir, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(binDir, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(root, { recursive: true, force: true });
  };
  // If the test run dies without teardown, do not leave a postmaster behind.
  process.once('exit', stopSync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitForConnections(url);
  return {
    url,
    async stop() {
      process.off('exit', stopSync);
      // immediate: no shutdown checkpoint; the data is deleted next anyway.
      await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function ensureServiceUser(): Promise<{ uid: number; gid: number }> {
  const lookup = async () => {
    const uid = Number((await run('id', ['-u', serviceUser])).stdout.trim());
    const gid = Number((await run('id', ['-g', serviceUser])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', serviceUser]);
    } catch (error) {
      // A parallel run may have created it a moment ago; the lookup below decides.
      if (!/already exists/.test(describe(error))) throw new Error(`useradd ${serviceUser} failed: ${describe(error)}`);
    }
    return lookup();
  }
}

/** Asks the kernel for a free loopback port (bind to port 0, read it, release it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** pg_ctl -w already waits for "ready"; this also proves TCP on 127.0.0.1 works. */
async function waitForConnections(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} did not accept connections: ${describe(error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function describe(error: unknown): string {
  const e = error as { message?: string; stderr?: string };
  return [e.message, e.stderr].filter(Boolean).join(' ').trim();
}
