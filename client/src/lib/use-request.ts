/**
 * React state for one server resource: loading, data or error, and a `reload`. The
 * loading itself is the caller's (`getJson` of client/src/api; its failures are
 * ApiErrors, which `ui/request-error.tsx` words). A new key aborts the previous request
 * so a late answer never wins.
 */
import { useCallback, useEffect, useState } from 'react';

export type RequestState<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: null; error: Error };

export interface RequestResult<T> {
  state: RequestState<T>;
  reload: () => void;
}

/**
 * @param key identifies the resource; null means "nothing to load" (state `idle`).
 * @param load called with the key and an AbortSignal.
 */
export function useRequest<K extends string | number, T>(
  key: K | null,
  load: (key: K, signal: AbortSignal) => Promise<T>,
): RequestResult<T> {
  const [state, setState] = useState<RequestState<T>>(
    key === null ? { status: 'idle', data: null, error: null } : { status: 'loading', data: null, error: null },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle', data: null, error: null });
      return;
    }
    const controller = new AbortController();
    // Keep the previous data while the next key loads, so panels do not flash empty.
    setState((previous) => ({ status: 'loading', data: previous.data, error: null }));
    load(key, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', data: null, error: error instanceof Error ? error : new Error(String(error)) });
        }
      },
    );
    return () => controller.abort();
    // `load` is a module-level function in every caller; the key decides what to fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
