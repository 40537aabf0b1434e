import { useState } from 'preact/hooks';
import { ApiProblem, getJson, send } from '../api';
import { described, Field, Problem, useLoad } from '../components';
import { ROLES, type Role } from '../../domain/vocabulary';
import { type Session, signIn } from '../session';

/** Sign-in: a pasted bearer token from the identity provider everywhere; a role picker on the local runner only. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const methods = useLoad(() => getJson<{ local: boolean }>('/auth/methods'), []);
  const [problem, setProblem] = useState<Error | null>(null);
  const [sub, setSub] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['manager']);
  const [token, setToken] = useState('');

  const accept = (value: string) => {
    const session = signIn(value);
    if (session) onSignedIn(session);
    else setProblem(new Error('That is not a bearer token of this service.'));
  };
  const local = async (event: Event) => {
    event.preventDefault();
    try {
      const minted = await send<{ token: string }>('POST', '/auth/local-token', { sub, name: name || undefined, roles });
      accept(minted.token);
    } catch (error) {
      setProblem(error as ApiProblem);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1 id="page-title" tabIndex={-1}>
        Sign in to the case workspace
      </h1>
      <Problem problem={problem} />
      {methods.data?.local && (
        <form onSubmit={local} aria-labelledby="local-title">
          <h2 id="local-title">Local runner: sign in as anyone</h2>
          <p class="hint">Only the local runner offers this; a production API takes tokens from the identity provider.</p>
          <Field id="sign-in-sub" label="Directory id" hint="The person's id in the directory, e.g. the manager of the employee concerned.">
            <input
              {...described('sign-in-sub', undefined, 'hint')}
              required
              value={sub}
              onInput={(e) => setSub(e.currentTarget.value)}
              autoComplete="username"
            />
          </Field>
          <Field id="sign-in-name" label="Name (optional)">
            <input id="sign-in-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <fieldset>
            <legend>Roles</legend>
            {ROLES.map((role) => (
              <label key={role} class="check">
                <input
                  type="checkbox"
                  name="roles"
                  value={role}
                  checked={roles.includes(role)}
                  onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                />
                {role.replaceAll('_', ' ')}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={roles.length === 0}>
            Sign in
          </button>
        </form>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          accept(token);
        }}
        aria-labelledby="token-title"
      >
        <h2 id="token-title">Sign in with a bearer token</h2>
        <Field id="sign-in-token" label="Bearer token" hint="From your identity provider, or `npm run token` on a development machine.">
          <textarea
            {...described('sign-in-token', undefined, 'hint')}
            rows={3}
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </Field>
        <button type="submit">Use this token</button>
      </form>
    </main>
  );
}
