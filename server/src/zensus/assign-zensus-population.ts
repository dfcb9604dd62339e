/**
 * The Zensus population of every area, recomputed from the grid cells. Both the seed
 * (after loading a city's areas) and the areas importer (after replacing them) run it;
 * it lives apart from both so that neither has to import the other.
 */
import type pg from 'pg';
import { loadSql } from '../db/sql-file.ts';

const sql = loadSql(import.meta.url, ['assign-zensus-population'] as const);

/**
 * Recomputes the Zensus population of every area of city `ags` (assign-zensus-population.sql).
 * Runs on the caller's client, inside its transaction. A city without grid cells keeps its figures.
 */
export async function assignZensusPopulation(client: pg.ClientBase, ags: string): Promise<void> {
  await client.query(sql['assign-zensus-population'], [ags]);
}
