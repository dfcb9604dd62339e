/**
 * Issue 10: the server's modules form no import cycle (a dynamic `import()` that hides one
 * counts too), and the server imports nothing from scripts/ (generators such as
 * scripts/areas/partition-areas.ts run at build time, never in the server).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

const serverDir = join(repoRoot, 'server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|bench)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative module paths a file imports: static `from '…'`, side-effect `import '…'`, dynamic `import('…')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((s) => resolve(dirname(file), s));
}

const files = sourceFiles(serverDir);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Every cycle found by a depth-first walk, as repository-relative paths. */
function findCycles(): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(repoRoot, f)));
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('server module graph (issue 10)', () => {
  it('reads the imports of every module', () => {
    // A walk that found no edges would prove nothing.
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(join(serverDir, 'seed/seed-city.ts'))).toContain(join(serverDir, 'imports/import-data.ts'));
  });

  it('has no import cycle', () => {
    expect(findCycles()).toEqual([]);
  });

  it('imports nothing from scripts/', () => {
    const scripts = join(repoRoot, 'scripts') + '/';
    const offending = files.flatMap((file) => (graph.get(file) ?? []).filter((target) => target.startsWith(scripts)).map((target) => `${relative(repoRoot, file)} → ${relative(repoRoot, target)}`));
    expect(offending).toEqual([]);
  });
});
