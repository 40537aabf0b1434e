import { caseIdOfWorkflow, type CaseTiming } from '../../src/domain/case';
import { caseWorkDueAt, oldestFirst, workItem } from '../../src/domain/workItems';
import { identifierSpans } from '../../src/domain/anonymisation';
import { toCsv } from '../../src/api/exports/csv';

const timing: CaseTiming = {
  decisionReminderMs: 1_000,
  decisionDeadlineMs: 5_000,
  followUpReminderMs: 2_000,
  opportunityFollowUpMs: 9_000,
  publicationDelayMs: 9_000,
};

describe('work items', () => {
  it('are due at the decision deadline for a decision and at the first reminder for what is only chased', () => {
    const since = new Date('2026-11-01T10:00:00Z');
    expect(caseWorkDueAt('decision', since, timing)?.toISOString()).toBe('2026-11-01T10:00:05.000Z');
    expect(caseWorkDueAt('approval', since, timing)?.toISOString()).toBe('2026-11-01T10:00:02.000Z');
    expect(caseWorkDueAt('removal_report', since, timing)?.toISOString()).toBe('2026-11-01T10:00:02.000Z');
    expect(caseWorkDueAt('decision', since, null)).toBeNull();
    expect(caseWorkDueAt('acknowledgement', since, timing)).toBeNull();
  });

  it('are overdue once past their due date, and listed oldest first', () => {
    const now = Date.parse('2026-11-01T12:00:00Z');
    const item = (id: string, since: string, dueAt: string | null) =>
      workItem(
        { kind: 'decision', subject: { type: 'case', id }, about: 'x', since: new Date(since), dueAt: dueAt ? new Date(dueAt) : null },
        now,
      );
    const late = item('late', '2026-11-01T08:00:00Z', '2026-11-01T11:00:00Z');
    const fine = item('fine', '2026-11-01T09:00:00Z', '2026-11-01T13:00:00Z');
    const undated = item('undated', '2026-11-01T08:00:00Z', null);
    expect([late.overdue, fine.overdue, undated.overdue]).toEqual([true, false, false]);
    expect(oldestFirst([fine, undated, late]).map((work) => work.subject.id)).toEqual(['late', 'undated', 'fine']);
  });
});

describe('caseIdOfWorkflow', () => {
  it('names the case of a case workflow and of the policy review it opened, and no other', () => {
    expect(caseIdOfWorkflow('case-listening-tool-abc')).toBe('case-listening-tool-abc');
    expect(caseIdOfWorkflow('policy-review-case-listening-tool-abc')).toBe('case-listening-tool-abc');
    expect(caseIdOfWorkflow('policy-review-periodic-2026-12-01T09:00:00Z')).toBeNull();
    expect(caseIdOfWorkflow('campaign-123')).toBeNull();
  });
});

describe('identifierSpans', () => {
  it('says where each identifier stands, as written, so an editor can mark it', () => {
    const identifiers = {
      employeeId: 'e-7',
      name: 'Zoë Martin',
      email: 'zoe.martin@example.com',
      handles: ['@zmartin'],
      postUrl: 'https://x.example/p/1',
      postContent: '',
    };
    const text = 'Then ZOE wrote to @zmartin.';
    expect(identifierSpans(text, identifiers)).toEqual([
      { kind: 'name', found: 'ZOE', start: 5, end: 8 },
      { kind: 'handle', found: '@zmartin', start: 18, end: 26 },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes as RFC 4180 says and defuses cells a spreadsheet would run as formulas', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['x, y', 'say "hi"'],
        ['=HYPERLINK("http://evil")', '-2+3'],
        [new Date('2026-11-01T00:00:00Z'), 7],
      ]),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n"\'=HYPERLINK(""http://evil"")",\'-2+3\r\n2026-11-01T00:00:00.000Z,7\r\n');
  });
});
