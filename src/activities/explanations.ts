import type { EmployeeIdentifiers } from '../domain/anonymisation';
import type { CapitalizeDecision } from '../domain/decisions';
import { draftExplanation, type ExplanationDraft, type ExplanationFacts } from '../domain/explanation';
import { policyClause } from '../domain/policyClause';
import { clauseOf } from '../domain/policyReview';
import { establishedPrecedent, precedentKey } from '../domain/precedents';
import { allowedSanctions, type SanctionMatrixContent } from '../domain/sanctionMatrix';
import type { ActivityCategory, ContentAction, InappropriateCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import type { SocialNetwork } from '../integrations/socialNetwork';
import { audit } from '../records/auditTrail';
import { actorOf } from '../domain/decider';
import { getCaseFacts, identifiersOf } from '../records/cases';
import { getDecision } from '../records/decisions';
import {
  getExplanation,
  saveExplanationApproval,
  saveExplanationDraft,
  saveExplanationEdit,
  saveExplanationWithdrawal,
  saveLessonPublished,
} from '../records/explanations';
import { latestVersionOf } from '../records/policyDocuments';
import { sanctionPrecedents } from '../records/precedents';
import { getSanctionMatrixVersion } from '../records/sanctionMatrix';
import { postOnce } from './socialPosts';

async function factsOf(
  db: Database,
  caseId: string,
  decisionId: string,
): Promise<{ facts: ExplanationFacts; identifiers: EmployeeIdentifiers }> {
  const record = await getCaseFacts(db, caseId);
  const decision = await getDecision(db, decisionId);
  const identifiers = identifiersOf(record);
  const common = { category: decision.category as ActivityCategory, platform: record.activity.platform, reach: record.activity.reach };
  if (decision.outcome === 'capitalize') {
    const plan = decision.plan as unknown as CapitalizeDecision['plan'];
    return { identifiers, facts: { kind: 'good_practice', ...common, rationale: decision.rationale, reproduce: plan.reproduce } };
  }
  const category = decision.category as InappropriateCategory;
  const severity = decision.severity as Severity;
  const [matrixVersion, precedents, policy] = await Promise.all([
    getSanctionMatrixVersion(db, decision.matrixVersion ?? 1),
    sanctionPrecedents(db, caseId),
    latestVersionOf(db, 'social-media-policy'),
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
      await saveExplanationDraft(db, input.caseId, draft, {
        eventKey: `${input.caseId}:explanation-drafted`,
        caseId: input.caseId,
        actor: 'system',
        action: 'explanation_drafted',
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
      const { caseId, revision, draft, editor } = input;
      await saveExplanationEdit(
        db,
        { caseId, revision, draft, editedBy: editor.sub },
        {
          eventKey: `${caseId}:explanation-revision:${revision}`,
          caseId,
          actor: actorOf(editor),
          action: 'explanation_edited',
          details: { revision },
        },
      );
    },

    async recordExplanationApproval(input: { caseId: string; approver: { sub: string; roles: string[] }; publishAt: string }) {
      const { caseId, approver, publishAt } = input;
      await saveExplanationApproval(
        db,
        { caseId, approvedBy: approver.sub, publishAt },
        {
          eventKey: `${caseId}:explanation-approved`,
          caseId,
          actor: actorOf(approver),
          action: 'explanation_approved',
          details: { publishAt },
        },
      );
    },

    async withdrawExplanation(input: { caseId: string; by: { sub: string; roles: string[] }; reason: string }) {
      await saveExplanationWithdrawal(db, input.caseId, {
        eventKey: `${input.caseId}:explanation-withdrawn`,
        caseId: input.caseId,
        actor: actorOf(input.by),
        action: 'explanation_withdrawn',
        details: { reason: input.reason },
      });
    },

    /** Publishes the lesson to the community feed (`GET /api/lessons`), once. */
    async publishLesson(caseId: string) {
      await saveLessonPublished(db, caseId, {
        eventKey: `${caseId}:lesson-published`,
        caseId,
        actor: 'system',
        action: 'lesson_published',
      });
    },

    /** Posts the published lesson to the enterprise social network (retried by Temporal, delivered once). */
    async postLessonToSocialNetwork(caseId: string) {
      const explanation = await getExplanation(db, caseId);
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
