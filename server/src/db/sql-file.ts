/**
 * Reads the `.sql` files a query module runs, once, when the module is loaded:
 * a missing file stops the start instead of failing the first request.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function loadSql<const Names extends readonly string[]>(moduleUrl: string, names: Names): Record<Names[number], string> {
  const dir = dirname(fileURLToPath(moduleUrl));
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, `${name}.sql`), 'utf8')])) as Record<Names[number], string>;
}
