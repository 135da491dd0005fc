const BASE = 'http://portal.invalid';

/**
 * A path of this site to go to after signing in, or '/': never another origin. Browsers forgive a lot (`//host`,
 * `/\host`, tabs and newlines dropped from `/\t/host`), so the value is resolved as a browser would and only a result
 * on this site is kept — and the resolved path is what is returned, so what was checked is what is used.
 */
export function safeLocalPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512 || !value.startsWith('/')) return '/';
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) || value.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}
