import { currentSession, signOut } from './session';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An answer of the API other than 2xx: its status, stable code, reason and the fields at fault. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const session = currentSession();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.ok) return response;
  const problem = await response.json().catch(() => null);
  const error = problem?.error;
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('signed-out'));
  }
  throw new ApiProblem(
    response.status,
    error?.code ?? 'error',
    error?.message ?? `${response.status} ${response.statusText}`,
    error?.fields ?? [],
  );
}

export async function getJson<T>(path: string): Promise<T> {
  return (await call('GET', path)).json() as Promise<T>;
}

export async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<T> {
  return (await call(method, path, body)).json() as Promise<T>;
}

/** Fetches a file with the bearer token (a plain link could not carry it) and hands it to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const blob = await (await call('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};
