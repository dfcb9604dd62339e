#!/usr/bin/env node
/**
 * `npm start`: the one command for a fresh machine with only Node. Installs the
 * dependencies when they are missing or stale, builds the client when its sources
 * are newer than the build, then starts the server, which migrates the database
 * and seeds the city on its first run. Plain Node: nothing here may need node_modules.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const step = (message) => console.log(`[start] ${message}`);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[start] Node ${process.versions.node} is too old: Quartiersatlas needs Node 20.19 or newer.`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] "${command} ${args.join(' ')}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time below a path (files only). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || newest(join(root, 'package-lock.json')) > newest(installed)) {
  step('installing dependencies (npm ci) …');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const built = join(root, 'client/dist/index.html');
const clientSources = Math.max(newest(join(root, 'client/src')), newest(join(root, 'client/index.html')), newest(join(root, 'vite.config.ts')), newest(join(root, 'server/src/schemas')));
if (!existsSync(built) || clientSources > newest(built)) {
  step('building the client (vite build) …');
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

step('starting the server …');
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
