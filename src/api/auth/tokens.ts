import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/vocabulary';

/** The authenticated caller: `sub` is the directory id of a person or the name of a system. */
export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
});

const key = (secret: string) => new TextEncoder().encode(secret);

export async function issueToken(secret: string, principal: Principal, expiresIn: string = '12h'): Promise<string> {
  return new SignJWT({ name: principal.name, roles: principal.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** Verifies an HS256 token; throws on a bad signature, an expired token or malformed claims. */
export async function verifyToken(secret: string, token: string): Promise<Principal> {
  const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });
  return claimsSchema.parse(payload);
}
