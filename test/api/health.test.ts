import request from 'supertest';
import { createApp } from '../../src/api/app';
import { connectDatabase } from '../../src/platform/database';
import { freePort } from '../support/ports';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('health checks', () => {
  it('answers /healthz without a token', async () => {
    const response = await stack.http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when Temporal and the database answer', async () => {
    const response = await stack.http.get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body.checks).toEqual({ database: { ok: true }, temporal: { ok: true } });
  });

  it('is not ready (503) when the database does not answer, and says which check failed', async () => {
    const unreachable = connectDatabase(`postgresql://postgres@127.0.0.1:${await freePort()}/none`, 1);
    const app = createApp({ ...stack.context, db: unreachable });
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.checks.database.ok).toBe(false);
    expect(response.body.checks.temporal.ok).toBe(true);
    await unreachable.$disconnect();
  });

  it('guards every API route: unknown routes behind auth answer 401, then 404', async () => {
    expect((await stack.http.get('/api/nothing')).status).toBe(401);
    const token = await stack.tokenFor('someone', 'hr');
    expect((await stack.http.get('/api/nothing').set('Authorization', `Bearer ${token}`)).status).toBe(404);
  });
});
