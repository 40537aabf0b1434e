import { ACTIONS, CASE_ACTIONS, rolesFor } from '../../src/domain/access';
import { ROLES, type Role } from '../../src/domain/vocabulary';
import { buildOpenApiDocument } from '../../src/api/openapi';
import type { Test } from 'supertest';
import { type Stack, startStack } from '../support/stack';

/**
 * Every role against every endpoint: a role the access policy does not list for an action is
 * refused 403 whatever the target, and a role it lists is never refused by its role (404 for the
 * unknown targets used here, or 400 for the empty body).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(() => stack.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const document = buildOpenApiDocument() as Json;
const routes = Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, operation]) => /^Roles: (?!any)/.test(operation.description))
    .map(([method, operation]) => ({
      method,
      path: path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'version' ? '9999' : `no-such-${name}`)),
      roles: /^Roles: ([^.]+)\./.exec(operation.description)![1].split(', ') as Role[],
    })),
);

it('documents the roles of every action from the policy itself', () => {
  expect(routes.length).toBeGreaterThan(30);
  const documented = new Set(routes.map((route) => route.roles.join(',')));
  for (const action of [...Object.keys(ACTIONS), ...Object.keys(CASE_ACTIONS)] as (keyof typeof ACTIONS)[]) {
    expect([action, documented.has(rolesFor(action).join(','))]).toEqual([action, true]);
  }
});

describe.each(ROLES)('a caller holding only %s', (role) => {
  it.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))('%s', async (_name, route) => {
    const token = await stack.tokenFor(`matrix-${role}`, role);
    const send = (stack.http as unknown as Record<string, (path: string) => Test>)[route.method];
    const response = await send(route.path).set('Authorization', `Bearer ${token}`).send({});
    if (route.roles.includes(role)) {
      expect([route.path, response.status === 401 || response.status === 403 || response.status >= 500]).toEqual([route.path, false]);
    } else {
      expect([route.path, response.status, response.body.error?.code]).toEqual([route.path, 403, 'forbidden']);
    }
  });
});
