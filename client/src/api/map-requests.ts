/**
 * What MapLibre loads from our server (TileJSON, vector tiles, the GeoJSON sources of
 * properties and hexagons) goes through here: `transformMapRequest` adds the language
 * and the credentials, `reportMapError` passes a load's 401/403 to the auth listeners.
 * Other hosts (a basemap) get nothing added: no cookies and no headers leave for them.
 */
import type { RequestParameters, ResourceType } from 'maplibre-gl';
import { apiLocale } from './api-locale.ts';
import { withoutFragment } from './api-error.ts';
import { reportAuthStatus } from './auth-events.ts';

/** Whether a URL (absolute or relative to the page) is one of our server's. */
function isOurs(url: string): boolean {
  if (typeof location === 'undefined') return false;
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin && (parsed.pathname.startsWith('/api/') || parsed.pathname.startsWith('/tiles/'));
  } catch {
    return false;
  }
}

/** MapLibre's `transformRequest`: our URLs with language and same-origin credentials, others untouched. */
export function transformMapRequest(url: string, _resourceType?: ResourceType): RequestParameters {
  if (!isOurs(url)) return { url };
  // MapLibre sets `Accept` itself where it cares; the data version rides in the fragment of
  // GeoJSON source URLs and is never sent.
  return { url: withoutFragment(url), headers: { 'accept-language': apiLocale() }, credentials: 'same-origin' };
}

/**
 * For the map's `error` event: a load our server refused with 401/403 goes to the auth
 * listeners. MapLibre's load errors (AJAXError) carry `status` and `url`.
 */
export function reportMapError(error: unknown): void {
  if (typeof error !== 'object' || error === null) return;
  const { status, url } = error as { status?: unknown; url?: unknown };
  if (typeof status !== 'number' || typeof url !== 'string' || !isOurs(url)) return;
  reportAuthStatus(status, withoutFragment(url), 'map');
}
