/**
 * The URL as a store: components read `useUrlState()`, write `updateUrlState(patch)`.
 * A new selection (area, property or hexagon) is a history entry (Back returns to the previous
 * one); layer toggles, month steps and camera moves replace the current entry so Back
 * does not replay panning.
 */
import { createStore, useStore } from './create-store.ts';
import { parseUrlState, serialiseUrlState, type UrlState } from './url-state.ts';

const urlStateStore = createStore<UrlState>(parseUrlState(window.location.search, window.location.hash));

function syncFromLocation(): void {
  urlStateStore.set(parseUrlState(window.location.search, window.location.hash));
}
window.addEventListener('popstate', syncFromLocation);
window.addEventListener('hashchange', syncFromLocation);

/** The state now, for handlers that merge into a part of it (outside React's render). */
export function currentUrlState(): UrlState {
  return urlStateStore.get();
}

export function useUrlState(): UrlState {
  return useStore(urlStateStore);
}

export function updateUrlState(patch: Partial<UrlState>): void {
  const previous = urlStateStore.get();
  const next = { ...previous, ...patch };
  const { search, hash } = serialiseUrlState(next);
  const url = `${window.location.pathname}${search}${hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    const selected = next.area !== previous.area || next.property !== previous.property || next.analysis.hex !== previous.analysis.hex;
    if (selected) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  urlStateStore.set(next);
}
