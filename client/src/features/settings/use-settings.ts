import type { ClientSettings } from '../../../../server/src/schemas/city.ts';
import { fetchJson } from '../../lib/fetch-json.ts';
import { useRequest, type RequestResult } from '../../lib/use-request.ts';

const getSettings = (_key: string, signal: AbortSignal) => fetchJson<ClientSettings>('/api/settings', signal);

/** `GET /api/settings`: basemap style and default language. */
export function useSettings(): RequestResult<ClientSettings> {
  return useRequest('settings', getSettings);
}
