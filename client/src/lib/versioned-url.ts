/**
 * A request key that changes when the data version does (after an import), while the
 * URL stays the same: the version goes into the fragment, which fetch never sends.
 */
export function versionedUrl(url: string, version: number): string {
  return `${url}#v${version}`;
}

/** `path?name=value&…`; null and undefined parameters are left out. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
