import type { HotspotRefusal as RefusalShape } from '../../schemas/analysis.ts';

/**
 * The data cannot support a statistic (too few units, no variance, no unit with a
 * neighbour): the answer is a refusal that says why, never a coloured map.
 */
export class HotspotRefusal extends Error {
  constructor(
    readonly reason: RefusalShape['reason'],
    message: string,
  ) {
    super(message);
  }
}
