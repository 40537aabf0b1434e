import { issueToken } from '../api/auth/tokens';
import type { Role } from '../domain/vocabulary';

export interface DemoPerson {
  id: string;
  name: string;
  roles: Role[];
}

/** The API as the demo's people use it: each call signed with a token of the person making it. */
export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    readonly baseUrl: string,
    private readonly authSecret: string,
  ) {}

  private token(person: DemoPerson): Promise<string> {
    const key = `${person.id}:${person.roles.join('+')}`;
    if (!this.tokens.has(key))
      this.tokens.set(key, issueToken(this.authSecret, { sub: person.id, name: person.name, roles: person.roles }, '2h'));
    return this.tokens.get(key)!;
  }

  async call<T>(person: DemoPerson, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(person)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (!response.ok) {
      throw new Error(
        `${method} ${path} as ${person.id}: ${response.status} ${answer?.error?.code ?? ''} ${answer?.error?.message ?? ''}`.trim(),
      );
    }
    return answer as T;
  }

  /** Asks until `probe` answers something other than undefined, or gives up after `timeoutMs` saying what it waited for. */
  async until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
