import { z } from 'zod';
import './zodErrors';
import { ROLES } from '../vocabulary';

/** The body of `POST /auth/local-token` (local runner only): who to sign in as. */
export const localSignInSchema = z.strictObject({
  sub: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});
