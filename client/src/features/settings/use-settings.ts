import type { ClientSettings } from '../../../../server/src/schemas/city.ts';
import { getJson } from '../../api/api-fetch.ts';
import { apiRoutes } from '../../api/api-routes.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getSettings = (_key: string, signal: AbortSignal) => getJson<ClientSettings>(apiRoutes.settings(), signal);

/** `GET /api/settings`: basemap style and default language. */
export function useSettings(): RequestResult<ClientSettings> {
  return useRequest('settings', getSettings);
}
