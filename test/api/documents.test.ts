import { POLICY_CLAUSES } from '../../src/domain/policyReview';
import { startIsolatedStack } from '../support/policyReviews';
import type { Stack } from '../support/stack';

// A database of its own: this file adds a version of the policy.
let stack: Stack;
let employee: string;
beforeAll(async () => {
  stack = await startIsolatedStack('documents', { worker: false });
  employee = await stack.tokenFor('reader', 'employee');
});
afterAll(() => stack.stop());

const get = (path: string, token = employee) => stack.http.get(path).set('Authorization', `Bearer ${token}`);

describe('the versioned policy documents', () => {
  it('are seeded with a first version of each, readable by every employee', async () => {
    const response = await get('/api/documents');
    expect(response.status).toBe(200);
    expect(
      response.body.documents.map((d: { id: string; versions: number; current: { number: number } }) => [
        d.id,
        d.versions,
        d.current.number,
      ]),
    ).toEqual([
      ['social-media-policy', 1, 1],
      ['communication-plan', 1, 1],
      ['training-material', 1, 1],
    ]);
    expect(response.body.documents[0]).toMatchObject({
      title: 'Social-media policy',
      current: { changeSummary: 'First version.', author: 'system', approver: null, reviewId: null },
    });
    expect((await stack.http.get('/api/documents')).status).toBe(401);
  });

  it('number the clauses of the policy that lessons cite', async () => {
    const { body } = await get('/api/documents/social-media-policy/versions/1');
    expect(body).toMatchObject({ document: 'social-media-policy', number: 1 });
    for (const clause of Object.values(POLICY_CLAUSES)) expect(body.text).toMatch(new RegExp(`^${clause.replace('.', '\\.')} `, 'm'));
    expect(body.text).toContain('## Examples of good practice');
    const training = await get('/api/documents/training-material/versions/1');
    expect(training.body.text).toContain('## Examples of good practice');
  });

  it('answer 404 for an unknown document or version, and 400 for a malformed number', async () => {
    expect((await get('/api/documents/staff-handbook')).status).toBe(404);
    expect((await get('/api/documents/staff-handbook/versions/1')).status).toBe(404);
    expect((await get('/api/documents/social-media-policy/versions/7')).status).toBe(404);
    const malformed = await get('/api/documents/social-media-policy/versions/first');
    expect([malformed.status, malformed.body.error.fields[0].path]).toEqual([400, 'n']);
  });

  it('show the history of a document and a line diff between two versions', async () => {
    const v1 = await stack.db.policyVersion.findUniqueOrThrow({
      where: { documentId_number: { documentId: 'social-media-policy', number: 1 } },
    });
    const text = v1.text
      .replace('3.3 Never present a personal opinion', '3.3 Never present a personal opinion, or a rumour,')
      .concat('\n10.1 A new clause.\n');
    await stack.db.policyVersion.create({
      data: {
        documentId: 'social-media-policy',
        number: 2,
        text,
        changeSummary: 'Rumours; clause 10.',
        author: 'lead',
        approver: 'chair',
        effectiveAt: new Date(),
      },
    });
    const history = await get('/api/documents/social-media-policy');
    expect(history.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    const diff = await get('/api/documents/social-media-policy/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      document: 'social-media-policy',
      from: { number: 1 },
      to: { number: 2, changeSummary: 'Rumours; clause 10.' },
      stats: { added: 3, removed: 1 },
    });
    expect(diff.body.hunks).toHaveLength(2);
    expect(diff.body.unified).toMatch(/^--- social-media-policy v1\n\+\+\+ social-media-policy v2\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(diff.body.unified).toContain('\n-3.3 Never present a personal opinion as the company');
    expect(diff.body.unified).toContain('\n+3.3 Never present a personal opinion, or a rumour, as the company');
    expect(diff.body.unified).toContain('\n+10.1 A new clause.\n');
    const backwards = await get('/api/documents/social-media-policy/diff?from=2&to=1&context=0');
    expect(backwards.body.stats).toEqual({ added: 1, removed: 3 });
    expect((await get('/api/documents/social-media-policy/diff?from=1&to=1')).body).toMatchObject({
      stats: { added: 0, removed: 0 },
      hunks: [],
      unified: '',
    });

    const missing = await get('/api/documents/social-media-policy/diff?to=2');
    expect([missing.status, missing.body.error.fields.map((f: { path: string }) => f.path)]).toEqual([400, ['query.from']]);
    expect((await get('/api/documents/social-media-policy/diff?from=1&to=9')).status).toBe(404);
  });
});

describe('the list of policy reviews', () => {
  it('is for case handlers', async () => {
    expect((await get('/api/policy-reviews')).status).toBe(403);
    const listed = await get('/api/policy-reviews', await stack.tokenFor('lead', 'social_media_lead'));
    expect(listed.body).toEqual({ total: 0, limit: 50, offset: 0, reviews: [] });
    expect((await get('/api/policy-reviews/policy-review-nothing', await stack.tokenFor('lead', 'social_media_lead'))).status).toBe(404);
    const bad = await get('/api/policy-reviews?status=maybe', await stack.tokenFor('lead', 'social_media_lead'));
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'query.status']);
  });
});
