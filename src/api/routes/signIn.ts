import { Router } from 'express';
import { localSignInSchema } from '../../domain/schemas/signIn';
import { issueToken } from '../auth/tokens';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';

/**
 * How the page signs people in. Every API runs with bearer tokens from the identity provider (or
 * pasted); only the local runner, which says so in the API context, also mints tokens for any role.
 */
export function signInRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/auth/methods', (_req, res) => {
    res.json({ bearer: true, local: ctx.localSignIn === true });
  });
  if (ctx.localSignIn === true) {
    router.post('/auth/local-token', async (req, res) => {
      const { sub, name, roles } = parseInput(localSignInSchema, req.body);
      res.status(201).json({ token: await issueToken(ctx.authSecret, { sub, name: name ?? sub, roles }), expiresIn: '12h' });
    });
  }
  return router;
}
