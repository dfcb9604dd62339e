import type { City } from '../../../../server/src/schemas/city.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getCity = (_key: string, signal: AbortSignal) => fetchJson<City>('/api/city', signal);

/** `GET /api/city`: the city, its levels and whether district geometry exists. */
export function useCity(): RequestResult<City> {
  return useRequest('city', getCity);
}
