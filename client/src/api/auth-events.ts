/**
 * The one place to react to 401 (who are you?) and 403 (not for you): every answer with
 * either status, from fetch, the upload XHR and the map's tile and GeoJSON loads, is
 * reported here. Nothing subscribes yet; the session issue adds the login prompt.
 */

export interface AuthErrorEvent {
  status: 401 | 403;
  /** The URL asked for, without the fragment. */
  url: string;
  /** How it was loaded. */
  via: 'fetch' | 'xhr' | 'map';
}

export type AuthErrorListener = (event: AuthErrorEvent) => void;

const listeners = new Set<AuthErrorListener>();

/** @returns a function that ends the subscription */
export function onAuthError(listener: AuthErrorListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Reports a 401 or 403; any other status is ignored. A failing listener does not stop the others. */
export function reportAuthStatus(status: number | null, url: string, via: AuthErrorEvent['via']): void {
  if (status !== 401 && status !== 403) return;
  for (const listener of [...listeners]) {
    try {
      listener({ status, url, via });
    } catch (error) {
      console.error('auth listener failed', error);
    }
  }
}
