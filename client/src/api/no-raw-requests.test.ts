/**
 * Every request of the browser goes through client/src/api (issue 10): outside it, no
 * `fetch(`, no `XMLHttpRequest` (nor EventSource, WebSocket, sendBeacon) and no string that
 * starts with `/api/` or `/tiles/` (routes are built by `apiRoutes`/`tileRoutes`). Read
 * with the TypeScript parser, so comments that mention a route do not count and a
 * template literal does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const apiDir = fileURLToPath(new URL('.', import.meta.url));

const REQUEST_GLOBALS = new Set(['XMLHttpRequest', 'EventSource', 'WebSocket']);
const ROUTE = /^\/(api|tiles)\//;

/** The raw requests in one source file, as `line: what`. */
function rawRequests(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name === 'fetch' || name === 'sendBeacon') at(node, `${name}(`);
    }
    if (ts.isIdentifier(node) && REQUEST_GLOBALS.has(node.text)) at(node, node.text);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && ROUTE.test(node.text)) at(node, `'${node.text}'`);
    // `${origin}/tiles/…` too: a route after an interpolated origin is still hand-built.
    if (ts.isTemplateExpression(node)) {
      const part = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].find((text) => ROUTE.test(text));
      if (part !== undefined) at(node, `\`…${part}…\``);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === apiDir.replace(/\/$/, '') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('no request bypasses client/src/api (issue 10)', () => {
  it('the scan finds each kind of raw request, and ignores comments and the api functions', () => {
    const sample = [
      '// GET /api/city, see `/tiles/city.json`',
      "const a = fetch('/x');",
      'const b = window.fetch(url);',
      'const c = new XMLHttpRequest();',
      "const d = '/api/city';",
      'const e = `/tiles/${id}.json`;',
      'const f = `/api/months`;',
      "const g = apiRoutes.city(); const h = getJson(apiRoutes.months(), signal); const i = '/apix';",
      'navigator.sendBeacon(u, body);',
      'const j = `${origin}/tiles/${id}/{z}/{x}/{y}.mvt`;',
    ].join('\n');
    expect(rawRequests('sample.ts', sample)).toEqual([
      "2: fetch(",
      '3: fetch(',
      '4: XMLHttpRequest',
      "5: '/api/city'",
      '6: `…/tiles/…`',
      "7: '/api/months'",
      '9: sendBeacon(',
      '10: `…/tiles/…`',
    ]);
  });

  it('client/src outside api/ and tests has none', () => {
    const files = sourceFiles(srcDir);
    // The scan must see the client, or it proves nothing.
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith('app.tsx'))).toBe(true);
    expect(files.some((f) => f.startsWith(apiDir))).toBe(false);
    const offences = files.flatMap((file) => rawRequests(file, readFileSync(file, 'utf8')).map((hit) => `${relative(srcDir, file)}:${hit}`));
    expect(offences).toEqual([]);
  });
});
