import { DEFAULT_RETENTION, retentionClassOf, retentionExpired, shortestRetention } from '../../src/domain/retention';
import { refusePublicationDate } from '../../src/domain/explanation';
import { refuseMatrixVerdict } from '../../src/domain/sanctionMatrix';
import { escapeMrkdwn } from '../../src/integrations/socialNetwork';

const DAY = 86_400_000;

describe('retention', () => {
  it('classes a closed case by its sanction, kind and severity', () => {
    expect(retentionClassOf({ kind: 'inappropriate', severity: 'minor', sanction: 'written_warning' })).toBe('sanction');
    expect(retentionClassOf({ kind: 'inappropriate', severity: 'minor', sanction: 'conversation' })).toBe('minor');
    expect(retentionClassOf({ kind: 'inappropriate', severity: 'serious', sanction: null })).toBe('standard');
    expect(retentionClassOf({ kind: 'positive', severity: 'minor', sanction: null })).toBe('positive');
  });

  it('expires a case its period after closure, a sanction after five years by default', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const closed = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const minor = { kind: 'inappropriate' as const, severity: 'minor' as const, sanction: null };
    expect(retentionExpired({ ...minor, closedAt: closed(364) }, DEFAULT_RETENTION, now)).toBe(false);
    expect(retentionExpired({ ...minor, closedAt: closed(365) }, DEFAULT_RETENTION, now)).toBe(true);
    const sanctioned = { ...minor, sanction: 'suspension' as const };
    expect(retentionExpired({ ...sanctioned, closedAt: closed(4 * 365) }, DEFAULT_RETENTION, now)).toBe(false);
    expect(retentionExpired({ ...sanctioned, closedAt: closed(5 * 365) }, DEFAULT_RETENTION, now)).toBe(true);
    expect(shortestRetention(DEFAULT_RETENTION)).toBe(365 * DAY);
  });
});

describe('accountable actors', () => {
  it('refuses a publication date sooner than the minimum delay', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const soon = new Date(now + 1_000).toISOString();
    expect(refusePublicationDate(soon, now, 2 * DAY)).toMatchObject({ kind: 'unprocessable', code: 'publish_too_soon' });
    expect(refusePublicationDate(soon, now, 2 * DAY)?.message).toMatch(/48 hours/);
    expect(refusePublicationDate(new Date(now + 2 * DAY).toISOString(), now, 2 * DAY)).toBeNull();
    expect(refusePublicationDate(null, now, 2 * DAY)).toBeNull();
  });

  it('needs a second person for a new sanction matrix', () => {
    expect(refuseMatrixVerdict({ status: 'pending', proposedBy: 'a' }, 'a')).toMatchObject({ kind: 'forbidden', code: 'four_eyes' });
    expect(refuseMatrixVerdict({ status: 'approved', proposedBy: 'a' }, 'b')).toMatchObject({ kind: 'conflict', code: 'proposal_decided' });
    expect(refuseMatrixVerdict({ status: 'pending', proposedBy: 'a' }, 'b')).toBeNull();
  });

  it('escapes the control sequences of the social-network webhook', () => {
    expect(escapeMrkdwn('<!channel> see <https://evil.example|the policy> & <@U123>')).toBe(
      '&lt;!channel&gt; see &lt;https://evil.example|the policy&gt; &amp; &lt;@U123&gt;',
    );
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
});
