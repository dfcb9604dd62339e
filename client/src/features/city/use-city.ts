import type { City } from '../../../../server/src/schemas/city.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getCity = (_key: string, signal: AbortSignal) => getJson<City>(apiRoutes.city(), signal);

/** `GET /api/city`: the city, its levels and whether district geometry exists. */
export function useCity(): RequestResult<City> {
  return useRequest('city', getCity);
}
