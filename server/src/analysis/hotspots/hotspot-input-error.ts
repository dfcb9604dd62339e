/**
 * Input that a hotspot statistic cannot use (a malformed neighbour list, too few
 * points for k neighbours). `field` is a path into the request, `reason` says what is
 * wrong with it; the message joins both so that a 400 answer can name the problem.
 */
export class HotspotInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'HotspotInputError';
  }
}
