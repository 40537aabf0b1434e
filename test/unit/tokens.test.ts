import { SignJWT } from 'jose';
import { issueToken, verifyToken } from '../../src/api/auth/tokens';

const secret = 'a-secret-that-is-long-enough-to-sign-hs256';

describe('bearer tokens', () => {
  it('round-trips the caller: sub, name, roles', async () => {
    const token = await issueToken(secret, { sub: 'alice', name: 'Alice', roles: ['manager', 'hr'] });
    expect(await verifyToken(secret, token)).toEqual({ sub: 'alice', name: 'Alice', roles: ['manager', 'hr'] });
  });

  it('refuses another secret, an expired token and an unknown role', async () => {
    const token = await issueToken(secret, { sub: 'alice', name: 'Alice', roles: ['manager'] });
    await expect(verifyToken(`${secret}-other`, token)).rejects.toThrow();
    const expired = await issueToken(secret, { sub: 'alice', name: 'Alice', roles: ['manager'] }, '-1m');
    await expect(verifyToken(secret, expired)).rejects.toThrow();
    const unknownRole = await new SignJWT({ name: 'Mallory', roles: ['overlord'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(secret, unknownRole)).rejects.toThrow();
  });
});
