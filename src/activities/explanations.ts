import type { EmployeeIdentifiers } from '../domain/anonymisation';
import type { CapitalizeDecision } from '../domain/decisions';
import { draftExplanation, type ExplanationDraft, type ExplanationFacts } from '../domain/explanation';
import { policyClause } from '../domain/policyClause';
import { clauseOf } from '../domain/policyReview';
import { establishedPrecedent, precedentKey } from '../domain/precedents';
import { allowedSanctions, type SanctionMatrixContent } from '../domain/sanctionMatrix';
import type { ActivityCategory, ContentAction, InappropriateCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { sanctionPrecedents } from './judgement';
import { actorOf, asJson, audit } from './records';
import type { SocialNetwork } from '../integrations/socialNetwork';
import { postOnce } from './socialPosts';

async function factsOf(
  db: Database,
  caseId: string,
  decisionId: string,
): Promise<{ facts: ExplanationFacts; identifiers: EmployeeIdentifiers }> {
  const record = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { activity: true, employee: true } });
  const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
  const identifiers: EmployeeIdentifiers = {
    employeeId: record.employee.id,
    name: record.employee.name,
    email: record.employee.email,
    handles: record.employee.handles,
    postUrl: record.activity.url,
    postContent: record.activity.content,
  };
  const common = { category: decision.category as ActivityCategory, platform: record.activity.platform, reach: record.activity.reach };
  if (decision.outcome === 'capitalize') {
    const plan = decision.plan as unknown as CapitalizeDecision['plan'];
    return { identifiers, facts: { kind: 'good_practice', ...common, rationale: decision.rationale, reproduce: plan.reproduce } };
  }
  const category = decision.category as InappropriateCategory;
  const severity = decision.severity as Severity;
  const [matrixVersion, precedents, policy] = await Promise.all([
    db.sanctionMatrixVersion.findUniqueOrThrow({ where: { version: decision.matrixVersion ?? 1 } }),
    sanctionPrecedents(db, caseId),
    db.policyVersion.findFirst({ where: { documentId: 'social-media-policy' }, orderBy: { number: 'desc' } }),
  ]);
  const matrix = matrixVersion.rules as unknown as SanctionMatrixContent;
  const repeatOffence = decision.priorSanctionedCases > 0;
  return {
    identifiers,
    facts: {
      kind: 'sanction',
      ...common,
      severity,
      sanction: decision.sanction as Sanction,
      rationale: decision.rationale,
      content: { action: decision.contentAction as ContentAction, rationale: decision.contentRationale ?? '' },
      range: allowedSanctions(matrix, category, severity, decision.priorSanctionedCases).range,
      matrixVersion: matrixVersion.version,
      repeatOffence,
      precedent: establishedPrecedent(precedents[precedentKey(category, severity)] ?? [], repeatOffence),
      justification: decision.justification?.trim() || null,
      clause: policy ? policyClause(clauseOf(category), policy.text) : null,
      policyVersion: policy?.number ?? null,
    },
  };
}

export function createExplanationActivities(db: Database, socialNetwork: SocialNetwork) {
  return {
    /** Drafts the anonymised lesson of a decided case; returns it with the identifiers a later text must not contain. */
    async draftCaseExplanation(input: {
      caseId: string;
      decisionId: string;
    }): Promise<{ draft: ExplanationDraft; identifiers: EmployeeIdentifiers }> {
      const { facts, identifiers } = await factsOf(db, input.caseId, input.decisionId);
      const draft = draftExplanation(facts, identifiers);
      await db.$transaction(async (tx) => {
        await tx.explanation.upsert({
          where: { caseId: input.caseId },
          update: {},
          create: {
            caseId: input.caseId,
            kind: draft.kind,
            title: draft.title,
            parts: asJson(draft.parts),
            status: 'draft',
            editedBy: 'system',
          },
        });
        await audit(tx, {
          eventKey: `${input.caseId}:explanation-drafted`,
          caseId: input.caseId,
          actor: 'system',
          action: 'explanation_drafted',
        });
      });
      return { draft, identifiers };
    },

    /** Saves an accepted edit; an older revision never overwrites a newer one. */
    async saveExplanationRevision(input: {
      caseId: string;
      revision: number;
      draft: ExplanationDraft;
      editor: { sub: string; roles: string[] };
    }) {
      await db.$transaction(async (tx) => {
        await tx.explanation.updateMany({
          where: { caseId: input.caseId, revision: { lt: input.revision } },
          data: { title: input.draft.title, parts: asJson(input.draft.parts), revision: input.revision, editedBy: input.editor.sub },
        });
        await audit(tx, {
          eventKey: `${input.caseId}:explanation-revision:${input.revision}`,
          caseId: input.caseId,
          actor: actorOf(input.editor),
          action: 'explanation_edited',
          details: { revision: input.revision },
        });
      });
    },

    async recordExplanationApproval(input: { caseId: string; approver: { sub: string; roles: string[] }; publishAt: string }) {
      await db.$transaction(async (tx) => {
        await tx.explanation.update({
          where: { caseId: input.caseId },
          data: { status: 'approved', approvedBy: input.approver.sub, publishAt: new Date(input.publishAt) },
        });
        await tx.case.update({ where: { id: input.caseId }, data: { status: 'awaiting_publication' } });
        await audit(tx, {
          eventKey: `${input.caseId}:explanation-approved`,
          caseId: input.caseId,
          actor: actorOf(input.approver),
          action: 'explanation_approved',
          details: { publishAt: input.publishAt },
        });
      });
    },

    async withdrawExplanation(input: { caseId: string; by: { sub: string; roles: string[] }; reason: string }) {
      await db.$transaction(async (tx) => {
        await tx.explanation.update({ where: { caseId: input.caseId }, data: { status: 'withdrawn', withdrawnAt: new Date() } });
        await audit(tx, {
          eventKey: `${input.caseId}:explanation-withdrawn`,
          caseId: input.caseId,
          actor: actorOf(input.by),
          action: 'explanation_withdrawn',
          details: { reason: input.reason },
        });
      });
    },

    /** Publishes the lesson to the community feed (`GET /api/lessons`), once. */
    async publishLesson(caseId: string) {
      await db.$transaction(async (tx) => {
        await tx.explanation.updateMany({ where: { caseId, status: 'approved' }, data: { status: 'published', publishedAt: new Date() } });
        await audit(tx, { eventKey: `${caseId}:lesson-published`, caseId, actor: 'system', action: 'lesson_published' });
      });
    },

    /** Posts the published lesson to the enterprise social network (retried by Temporal, delivered once). */
    async postLessonToSocialNetwork(caseId: string) {
      const explanation = await db.explanation.findUniqueOrThrow({ where: { caseId } });
      const parts = explanation.parts as unknown as ExplanationDraft['parts'];
      const outcome = await postOnce(db, socialNetwork, {
        idempotencyKey: `lesson:${explanation.id}`,
        title: explanation.title,
        text: parts.map((part) => `${part.heading}: ${part.text}`).join('\n\n'),
      });
      await audit(db, {
        eventKey: `${caseId}:lesson-posted`,
        caseId,
        actor: 'system',
        action: outcome === 'posted' ? 'lesson_posted' : 'lesson_post_skipped',
      });
    },
  };
}
