#!/usr/bin/env node
/**
 * `npm start`: the one command for a fresh machine with only Node. Installs the
 * dependencies when they are missing or stale, builds the client when its sources
 * are newer than the build, then starts the server, which migrates the database
 * and seeds the city on its first run. Plain Node: nothing here may need node_modules.
 *
 * Every step prints a line when it starts and one with its duration when it ends;
 * steps that print little on their own (npm ci, vite build) show a heartbeat, so a
 * slow first start never looks hung. The server prints its own steps (migrations,
 * each seed step with its duration, "ready in … s").
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const startedAt = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[start] ${message}`);

// The oldest Node every dependency accepts (package.json engines: ^20.19.0 || ^22.12.0 || >=24).
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
if (!supported) {
  console.error(`[start] Node ${process.versions.node} is not supported: Quartiersatlas needs Node 20.19+, 22.12+ or 24+.`);
  process.exit(1);
}

/** Heartbeat interval of quiet steps. */
const heartbeatMs = 10_000;

/** Runs one step to its end: a start line, a heartbeat while it runs, a line with its duration. */
function step(title, command, args) {
  return new Promise((resolve) => {
    const since = Date.now();
    say(`${title} …`);
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const heartbeat = setInterval(() => say(`${title}: still running (${seconds(since)})`), heartbeatMs);
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      process.off('SIGINT', forward).off('SIGTERM', forward);
      if (code !== 0) {
        console.error(`[start] ${title} failed after ${seconds(since)} ("${command} ${args.join(' ')}" ${signal ? `ended by ${signal}` : `exit ${code}`}).`);
        process.exit(code || 1);
      }
      say(`${title}: done in ${seconds(since)}`);
      resolve();
    });
  });
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
  await step('installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
} else {
  say('dependencies: up to date');
}

const built = join(root, 'client/dist/index.html');
const clientSources = Math.max(newest(join(root, 'client/src')), newest(join(root, 'client/index.html')), newest(join(root, 'vite.config.ts')), newest(join(root, 'server/src/schemas')));
if (!existsSync(built) || clientSources > newest(built)) {
  await step('building the client (vite build)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
} else {
  say('client build: up to date');
}

say(`starting the server (${seconds(startedAt)} since npm start) …`);
const serverStarted = Date.now();
// stdout is passed through line by line, to see when the server is ready: until then a
// heartbeat covers the quiet parts (opening PGlite, a long seed step).
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
let ready = false;
const heartbeat = setInterval(() => say(`server: still starting (${seconds(serverStarted)})`), heartbeatMs);
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!ready && /ready in [\d.]+ s/.test(chunk.toString())) {
    ready = true;
    clearInterval(heartbeat);
    say(`ready ${seconds(startedAt)} after npm start`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  clearInterval(heartbeat);
  process.exit(code ?? (signal ? 1 : 0));
});
