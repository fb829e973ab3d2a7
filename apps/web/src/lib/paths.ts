/** Pages reachable without a session. */
export const PUBLIC_PATHS: readonly string[] = ['/login', '/forgot-password', '/reset-password', '/invitation'];

export const isPublicPath = (path: string) => PUBLIC_PATHS.includes(path);

/** The login page, remembering where to come back to. */
export function loginPath(next: string): string {
  return next && next !== '/' && !isPublicPath(next.split('?')[0] ?? '') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Only an in-app path is a valid destination after login (no "//evil.example" or "https://…"). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
