import type { Role } from '../domain/vocabulary';

/** Who is signed in, as their bearer token says (the API verifies it; the page only reads it). */
export interface Session {
  token: string;
  sub: string;
  name: string;
  roles: Role[];
  expiresAt: number | null;
}

const KEY = 'case-governance.token';

function claimsOf(token: string): Omit<Session, 'token'> | null {
  try {
    const payload = token.split('.')[1];
    const json = JSON.parse(
      atob(
        payload
          .replace(/-/g, '+')
          .replace(/_/g, '/')
          .padEnd(Math.ceil(payload.length / 4) * 4, '='),
      ),
    );
    if (typeof json.sub !== 'string' || !Array.isArray(json.roles)) return null;
    return {
      sub: json.sub,
      name: typeof json.name === 'string' ? json.name : json.sub,
      roles: json.roles,
      expiresAt: json.exp ? json.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** The token kept for this tab only (sessionStorage): closing the tab signs out. */
export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  const claims = token ? claimsOf(token) : null;
  if (!token || !claims || (claims.expiresAt !== null && claims.expiresAt < Date.now())) return null;
  return { token, ...claims };
}

/** Keeps a token if it reads as one of ours; returns the session or null. */
export function signIn(token: string): Session | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (!claimsOf(trimmed)) return null;
  sessionStorage.setItem(KEY, trimmed);
  return currentSession();
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export const holds = (session: Session, ...roles: Role[]) => session.roles.some((role) => role === 'admin' || roles.includes(role));
/** Deciding is never an admin's: they administer. */
export const holdsStrictly = (session: Session, ...roles: Role[]) => session.roles.some((role) => roles.includes(role));
