import fc from 'fast-check';
import { streisandRisk, type StreisandLevel } from '../../src/domain/streisand';
import { SEVERITIES } from '../../src/domain/vocabulary';

const order: Record<StreisandLevel, number> = { low: 0, medium: 1, high: 2 };
const reachArb = fc.integer({ min: 0, max: 10_000_000 });
const severityArb = fc.constantFrom(...SEVERITIES);

describe('streisandRisk', () => {
  it('never falls as the reach grows', () => {
    fc.assert(
      fc.property(reachArb, reachArb, severityArb, (a, b, severity) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(order[streisandRisk(more, severity).level]).toBeGreaterThanOrEqual(order[streisandRisk(less, severity).level]);
      }),
    );
  });

  it('never rises with the severity, since leaving graver content up does more harm', () => {
    fc.assert(
      fc.property(reachArb, (reach) => {
        const levels = SEVERITIES.map((severity) => order[streisandRisk(reach, severity).level]);
        levels.slice(1).forEach((level, i) => expect(level).toBeLessThanOrEqual(levels[i]));
      }),
    );
  });

  it('gives the same answer to the same question', () => {
    fc.assert(
      fc.property(reachArb, severityArb, (reach, severity) =>
        expect(streisandRisk(reach, severity)).toEqual(streisandRisk(reach, severity)),
      ),
    );
  });

  it('always explains itself with the reach', () => {
    fc.assert(
      fc.property(reachArb, severityArb, (reach, severity) => {
        const { hint } = streisandRisk(reach, severity);
        expect(hint).toMatch(/^[A-Z].*\.$/);
        expect(hint.replace(/,/g, '')).toContain(`${reach} people`);
      }),
    );
  });

  it.each(SEVERITIES)('spans every level for %s content', (severity) => {
    expect(streisandRisk(0, severity).level).toBe('low');
    expect(streisandRisk(10_000_000, severity).level).toBe('high');
    const reaches = Array.from({ length: 71 }, (_, i) => Math.round(10 ** (i / 10)));
    expect(reaches.some((reach) => streisandRisk(reach, severity).level === 'medium')).toBe(true);
  });

  it.each([
    [500, 'minor', 'low'],
    [1_000, 'minor', 'medium'],
    [10_000, 'minor', 'high'],
    [5_400, 'serious', 'medium'],
    [4_999, 'serious', 'low'],
    [50_000, 'serious', 'high'],
    [50_000, 'critical', 'medium'],
  ] as const)('reach %i on %s content is %s', (reach, severity, level) => {
    expect(streisandRisk(reach, severity).level).toBe(level);
  });

  it('writes the reach the way people read it', () => {
    expect(streisandRisk(5_400, 'serious').hint).toBe(
      'A removal request may draw attention to a post already seen by about 5,400 people; a discreet request to the author may be safer than asking the platform.',
    );
    expect(streisandRisk(1_250_000, 'critical').hint).toBe(
      'A removal request is likely to draw more attention to a post already seen by about 1,250,000 people; weigh that against the harm of leaving critical content up.',
    );
    expect(streisandRisk(40, 'minor').hint).toBe(
      'The post has reached about 40 people, little for minor content; a removal request is unlikely to draw attention to it.',
    );
  });
});
