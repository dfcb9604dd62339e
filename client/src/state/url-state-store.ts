/**
 * The URL as a store: components read `useUrlState()`, write `updateUrlState(patch)`.
 * A new selection (area, property, or a theme's own, e.g. a hexagon) is a history entry
 * (Back returns to the previous one); layer toggles, month steps and camera moves replace
 * the current entry so Back does not replay panning.
 *
 * The themes' URL keys are known once the registry is configured
 * (`configureUrlThemes`, in main.tsx before the first render).
 */
import { createStore, useStore } from './create-store.ts';
import { parseUrlState, serialiseUrlState, type ThemeId, type ThemeUrlEntry, type UrlState } from './url-state.ts';

let themes: readonly ThemeUrlEntry[] = [];
const urlStateStore = createStore<UrlState>(parseUrlState(window.location.search, window.location.hash, themes));

function syncFromLocation(): void {
  urlStateStore.set(parseUrlState(window.location.search, window.location.hash, themes));
}
window.addEventListener('popstate', syncFromLocation);
window.addEventListener('hashchange', syncFromLocation);

/** Tells the store which themes own which keys, and reads the URL again with them. */
export function configureUrlThemes(registry: readonly ThemeUrlEntry[]): void {
  themes = registry;
  syncFromLocation();
}

/** The state now, for handlers that merge into a part of it (outside React's render). */
export function currentUrlState(): UrlState {
  return urlStateStore.get();
}

export function useUrlState(): UrlState {
  return useStore(urlStateStore);
}

export function updateUrlState(patch: Partial<UrlState>): void {
  const previous = urlStateStore.get();
  let next: UrlState = { ...previous, ...patch };
  if (next.theme !== previous.theme) {
    // A theme left behind forgets what only means something inside it (e.g. a highlight).
    const left = themes.find((t) => t.id === previous.theme);
    if (left?.url.resetOnLeave) next = { ...next, themes: { ...next.themes, [left.id]: left.url.defaults } };
  }
  const { search, hash } = serialiseUrlState(next, themes);
  const url = `${window.location.pathname}${search}${hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    const themeSelection = (state: UrlState) =>
      themes.map((t) => (t.url.selection && state.themes[t.id] !== undefined ? t.url.selection(state.themes[t.id]) : null));
    const selected =
      next.area !== previous.area ||
      next.property !== previous.property ||
      themeSelection(next).some((value, i) => value !== themeSelection(previous)[i]);
    if (selected) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  urlStateStore.set(next);
}

/**
 * Merges `patch` into one theme's own state, and `shared` into the shared keys, in one step.
 * `shared` may be computed from the theme's state before the patch (e.g. "the comparison
 * was switched on: drop the view").
 */
export function updateThemeUrlState<S>(
  id: ThemeId,
  patch: Partial<S>,
  shared: Partial<UrlState> | ((current: S) => Partial<UrlState>) = {},
): void {
  const state = urlStateStore.get();
  const current = state.themes[id] as S;
  const sharedPatch = typeof shared === 'function' ? shared(current) : shared;
  updateUrlState({ ...sharedPatch, themes: { ...state.themes, [id]: { ...current, ...patch } } });
}
