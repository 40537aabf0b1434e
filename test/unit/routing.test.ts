import fc from 'fast-check';
import type { Assessment } from '../../src/domain/assessment';
import {
  DEFAULT_ROUTING_RULES,
  escalationOf,
  initialDecidingRole,
  mayDecideAs,
  routeCase,
  type RoutingRules,
} from '../../src/domain/routing';
import {
  DECIDING_ROLES,
  INAPPROPRIATE_CATEGORIES,
  POSITIVE_CATEGORIES,
  ROLES,
  SEVERITIES,
  type DecidingRole,
  type Role,
  type Severity,
} from '../../src/domain/vocabulary';

const expectedInappropriate: Record<Severity, DecidingRole> = {
  minor: 'manager',
  moderate: 'social_media_lead',
  serious: 'steering_committee',
  critical: 'steering_committee',
};

describe('routeCase with the default rules', () => {
  const inappropriate = INAPPROPRIATE_CATEGORIES.flatMap((category) =>
    SEVERITIES.map((severity) => [category, severity, expectedInappropriate[severity]] as const),
  );
  it.each(inappropriate)('sends inappropriate %s/%s to %s', (category, severity, role) => {
    const assessment: Assessment = { kind: 'inappropriate', category, severity };
    expect(routeCase(assessment)).toBe(role);
    expect(routeCase(assessment, DEFAULT_ROUTING_RULES)).toBe(role);
  });

  const positive = POSITIVE_CATEGORIES.flatMap((category) => SEVERITIES.map((severity) => [category, severity] as const));
  it.each(positive)('sends positive %s/%s to the social-media lead', (category, severity) => {
    expect(routeCase({ kind: 'positive', category, severity })).toBe('social_media_lead');
  });
});

describe('routeCase with configured rules', () => {
  const rules: RoutingRules = {
    inappropriate: { minor: 'social_media_lead', moderate: 'steering_committee', serious: 'manager', critical: 'manager' },
    positive: 'steering_committee',
  };

  it.each(SEVERITIES)('follows the configured role for inappropriate %s', (severity) => {
    expect(routeCase({ kind: 'inappropriate', category: 'harassment', severity }, rules)).toBe(rules.inappropriate[severity]);
  });

  it.each(SEVERITIES)('follows the configured role for positive activity of any severity (%s)', (severity) => {
    expect(routeCase({ kind: 'positive', category: 'viral_content', severity }, rules)).toBe('steering_committee');
  });
});

describe('escalationOf', () => {
  it('climbs manager -> social-media lead -> steering committee, then stops', () => {
    expect(escalationOf('manager')).toBe('social_media_lead');
    expect(escalationOf('social_media_lead')).toBe('steering_committee');
    expect(escalationOf('steering_committee')).toBeNull();
  });

  it.each(DECIDING_ROLES)('reaches the committee from %s in finitely many steps, always upwards', (start) => {
    const path: DecidingRole[] = [start];
    for (let next = escalationOf(start); next !== null; next = escalationOf(next)) path.push(next);
    expect(path[path.length - 1]).toBe('steering_committee');
    expect(path).toEqual(DECIDING_ROLES.slice(DECIDING_ROLES.indexOf(start)));
  });
});

describe('mayDecideAs', () => {
  // Rows: the caller's single role; columns: manager, social_media_lead, steering_committee.
  const table: Record<Role, [boolean, boolean, boolean]> = {
    detector: [false, false, false],
    employee: [false, false, false],
    manager: [true, false, false],
    social_media_lead: [true, true, false],
    steering_committee: [true, true, true],
    communications: [false, false, false],
    hr: [false, false, false],
    admin: [false, false, false],
  };
  const rows = ROLES.flatMap((role) => DECIDING_ROLES.map((routed, i) => [role, routed, table[role][i]] as const));

  it.each(rows)('a caller who is only %s may decide a case routed to %s: %p', (role, routed, allowed) => {
    expect(mayDecideAs([role], routed)).toBe(allowed);
  });

  it.each(DECIDING_ROLES)('nobody without roles decides a case routed to %s', (routed) => {
    expect(mayDecideAs([], routed)).toBe(false);
  });

  it('does not make an admin a decider, but lets an admin who is also a manager decide as one', () => {
    expect(mayDecideAs(['admin'], 'manager')).toBe(false);
    expect(mayDecideAs(['admin', 'manager'], 'manager')).toBe(true);
    expect(mayDecideAs(['admin', 'manager'], 'social_media_lead')).toBe(false);
  });

  it('holds for a set of roles exactly when it holds for one of them', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.constantFrom(...DECIDING_ROLES), (roles, routed) => {
        expect(mayDecideAs(roles, routed)).toBe(roles.some((role) => table[role][DECIDING_ROLES.indexOf(routed)]));
      }),
    );
  });

  it('still lets the deciders of a case decide it after it escalates', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.constantFrom(...DECIDING_ROLES), (roles, routed) => {
        const escalated = escalationOf(routed);
        if (escalated && mayDecideAs(roles, escalated)) expect(mayDecideAs(roles, routed)).toBe(true);
      }),
    );
  });
});

describe('initialDecidingRole', () => {
  it('sends a minor case to the employee’s manager, or a level up when there is none', () => {
    const minor = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } as const;
    expect(initialDecidingRole(minor, 'boss-1')).toBe('manager');
    expect(initialDecidingRole(minor, null)).toBe('social_media_lead');
    const serious = { ...minor, severity: 'serious' } as const;
    expect(initialDecidingRole(serious, null)).toBe('steering_committee');
    expect(initialDecidingRole({ kind: 'positive', category: 'viral_content', severity: 'minor' }, null)).toBe('social_media_lead');
  });
});
