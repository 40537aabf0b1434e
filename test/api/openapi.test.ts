import Ajv2020 from 'ajv/dist/2020';
import { type Stack, startStack } from '../support/stack';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every `METHOD /path` the app routes, found by walking express 5's router stack (mounted routers included). */
function mountedRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string') throw new Error(`cannot document a route path of type ${typeof path}`);
      const openApiPath = `${prefix}${path}`.replace(/:(\w+)/g, '{$1}');
      return Object.keys(methods).map((method) => `${method.toUpperCase()} ${openApiPath}`);
    }
    if (!layer.handle.stack) return [];
    // router 2 keeps the mount path of a `use` layer as `rawPath`.
    if (typeof layer.rawPath !== 'string') throw new Error('cannot read the mount path of a router layer');
    return mountedRoutes(layer.handle.stack, layer.rawPath === '/' ? prefix : `${prefix}${layer.rawPath}`);
  });
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
let document: Json;
beforeAll(async () => {
  stack = await startStack({ worker: false });
  const response = await stack.http.get('/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => stack.stop());

const operations = () =>
  Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document without a token', async () => {
    const response = await stack.http.get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents exactly the routes the app mounts', () => {
    const mounted = mountedRoutes((stack.app as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(mounted).toContain('POST /api/cases/{caseId}/decision');
    const documented = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect([...documented].sort()).toEqual([...new Set(mounted)].sort());
  });

  it('documents the access, the errors and the case list query', () => {
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const isPublic = !path.startsWith('/api/') || path === '/api/openapi.json';
      expect([where, operation.security]).toEqual([where, isPublic ? [] : undefined]);
      if (!isPublic) {
        expect([where, operation.description]).toEqual([where, expect.stringMatching(/^Roles: /)]);
        expect([where, operation.responses['401']]).toEqual([where, { $ref: '#/components/responses/Error401' }]);
      }
      if (operation.requestBody) expect([where, Object.keys(operation.responses)]).toEqual([where, expect.arrayContaining(['400'])]);
    }
    const decision = document.paths['/api/cases/{caseId}/decision'].post;
    expect(decision.description).toMatch(
      /^Roles: manager, social_media_lead, steering_committee\. Need-to-know: a case the caller may not see answers 404\./,
    );
    expect(Object.keys(decision.responses)).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(document.paths['/api/cases'].get.parameters.map((parameter: Json) => parameter.name)).toEqual([
      'status',
      'kind',
      'category',
      'severity',
      'assignedRole',
      'department',
      'employeeId',
      'mine',
      'limit',
      'offset',
    ]);
    const error = document.components.schemas.Error;
    expect(error.properties.error.required).toEqual(['code', 'message', 'fields']);
    expect(error.properties.error.properties.fields.items.required).toEqual(['path', 'message']);
  });

  it('describes the decision body with its outcomes, from the zod schema', () => {
    const decision = document.components.schemas.Decision;
    expect(decision.oneOf.map((variant: Json) => variant.properties.outcome.const)).toEqual(['sanction', 'capitalize', 'dismiss']);
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(decision);
    expect(validate({ outcome: 'dismiss', rationale: 'Not about the company.' })).toBe(true);
    expect(validate({ outcome: 'forgive', rationale: 'Not about the company.' })).toBe(false);
  });

  it('is structurally sound: valid JSON Schemas, resolvable refs, declared path parameters', () => {
    const ajv = new Ajv2020({ validateFormats: false }); // ajv's default strict mode: unknown keywords throw
    const schemas = [
      ...Object.values(document.components.schemas as Record<string, Json>),
      ...operations().flatMap(({ operation }) => (operation.parameters ?? []).map((parameter: Json) => parameter.schema)),
    ];
    for (const schema of schemas) {
      expect([schema, ajv.validateSchema(schema), ajv.errors]).toEqual([schema, true, null]);
      expect(() => ajv.compile(schema)).not.toThrow();
    }

    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of new Set(refs.map((match) => match.slice(8, -1)))) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<Json | undefined>((node, key) => node?.[key], document);
      expect([ref, target]).toEqual([ref, expect.anything()]);
    }
    for (const { path, method, operation } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? [])
        .filter((parameter: Json) => parameter.in === 'path')
        .map((parameter: Json) => parameter.name);
      expect([method, path, declared]).toEqual([method, path, inPath]);
      expect([method, path, Object.keys(operation.responses).length > 0]).toEqual([method, path, true]);
    }
  });

  it('documents the page and the local sign-in exactly when the API mounts them', async () => {
    const local = await startStack({ worker: false, localSignIn: true, page: { js: '', css: '' } });
    try {
      const mounted = mountedRoutes((local.app as unknown as { router: { stack: Layer[] } }).router.stack);
      const paths = (await local.http.get('/api/openapi.json')).body.paths as Record<string, Json>;
      const documented = Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(mounted).toEqual(expect.arrayContaining(['GET /', 'POST /auth/local-token']));
      expect([...documented].sort()).toEqual([...new Set(mounted)].sort());
    } finally {
      await local.stop();
    }
    expect(document.paths['/auth/local-token']).toBeUndefined();
  });

  it('serves the Swagger UI at /docs without a token', async () => {
    const redirect = await stack.http.get('/docs');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/docs/');
    const page = await stack.http.get('/docs').redirects(1);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('swagger-ui');
    const init = await stack.http.get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('Case governance API');
  });
});
