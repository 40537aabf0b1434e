import { z } from 'zod';
import { type Action, CASE_ACTIONS, type CaseAction, rolesFor } from '../domain/access';
import { auditQuerySchema } from '../domain/schemas/audit';
import { caseListQuerySchema, followUpReportSchema, holdSchema, removalReportSchema } from '../domain/schemas/cases';
import { acknowledgementSchema, attendanceSchema, campaignStartSchema, knowHowSessionSchema } from '../domain/schemas/campaigns';
import { approvalSchema, decisionSchema, matrixVerdictSchema, sanctionMatrixSchema } from '../domain/schemas/decisions';
import { employeeIdSchema, employeeImportSchema, employeeSchema } from '../domain/schemas/employees';
import {
  explanationApprovalSchema,
  explanationEditSchema,
  explanationWithdrawalSchema,
  lessonPageSchema,
} from '../domain/schemas/explanations';
import { detectedActivitySchema } from '../domain/schemas/intake';
import { reportPeriodSchema } from '../domain/schemas/reports';
import { localSignInSchema } from '../domain/schemas/signIn';
import {
  documentDiffQuerySchema,
  policyDocumentIdSchema,
  policyReviewListQuerySchema,
  reviewAnswerSchema,
  reviewVerdictSchema,
  versionNumberSchema,
} from '../domain/schemas/policy';
import { pageSchema } from './routes/me';
import { matrixVersionSchema } from './routes/sanctionMatrix';

type Json = Record<string, unknown>;

/**
 * What a zod schema accepts, as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). `io: 'input'`
 * documents what a client sends: coerced query values, defaults as optional, `mine` before its
 * transform. Refinements (`superRefine`) have no JSON Schema form and are left out; their rules
 * are answered with 400 and the field at fault.
 */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

/** The query parameters of a route, one per property of its zod query schema. */
function queryParameters(schema: z.ZodType): Json[] {
  const { properties = {}, required = [] } = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.includes(name), schema: property }));
}

const pathParameter = (name: string, schema: Json = { type: 'string' }) => ({ name, in: 'path', required: true, schema });

const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'A stable machine-readable code, e.g. invalid_input, forbidden, case_closed' }),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).meta({ description: 'The fields at fault; empty when none' }),
  }),
});

const ERRORS = {
  400: 'Bad input (invalid_input, invalid_json): nothing was written; `fields` names every offending field',
  401: 'Missing, invalid or expired bearer token (unauthenticated)',
  403: 'The caller holds none of the roles this action needs, or the case refuses this caller (forbidden, wrong_role, ...)',
  404: 'Not found (not_found)',
  409: 'Conflicts with the current state (e.g. case_closed, email_taken, not_awaiting_approval)',
  413: 'The body is too large (too_large)',
  422: 'Well-formed but refused by the case rules (e.g. outcome_mismatch, invalid_reclassification)',
} as const;
type ErrorStatus = keyof typeof ERRORS;

type Access = { public: true } | { roles: 'any' } | { action: Action | CaseAction };

interface OperationSpec {
  summary: string;
  access: Access;
  notes?: string;
  parameters?: Json[];
  /** The component name of the request body schema. */
  body?: keyof typeof requestBodies;
  ok: Record<number, string>;
  /** Error statuses beyond those implied by the access (401, 403) and the input (400). */
  errors?: ErrorStatus[];
}

const requestBodies = {
  DetectedActivity: detectedActivitySchema,
  Decision: decisionSchema,
  Approval: approvalSchema,
  RemovalReport: removalReportSchema,
  FollowUpReport: followUpReportSchema,
  Employee: employeeSchema,
  EmployeeImport: employeeImportSchema,
  SanctionMatrix: sanctionMatrixSchema,
  ExplanationEdit: explanationEditSchema,
  ExplanationApproval: explanationApprovalSchema,
  ExplanationWithdrawal: explanationWithdrawalSchema,
  ReviewAnswer: reviewAnswerSchema,
  ReviewVerdict: reviewVerdictSchema,
  CampaignStart: campaignStartSchema,
  Acknowledgement: acknowledgementSchema,
  KnowHowSession: knowHowSessionSchema,
  Attendance: attendanceSchema,
  MatrixVerdict: matrixVerdictSchema,
  Hold: holdSchema,
  LocalSignIn: localSignInSchema,
} satisfies Record<string, z.ZodType>;

function accessText(access: Access): string {
  if ('public' in access) return 'Public: no token needed.';
  if ('roles' in access) return 'Roles: any authenticated caller.';
  const roles = `Roles: ${rolesFor(access.action).join(', ')}.`;
  return access.action in CASE_ACTIONS ? `${roles} Need-to-know: a case the caller may not see answers 404.` : roles;
}

function operation(spec: OperationSpec): Json {
  const secured = !('public' in spec.access);
  const everyone = 'roles' in spec.access;
  const statuses = new Set<ErrorStatus>(spec.errors);
  if (spec.body || spec.parameters?.some((parameter) => parameter.in === 'query')) statuses.add(400);
  if (secured) statuses.add(401);
  if (secured && !everyone) statuses.add(403);
  const responses: Json = {};
  for (const [status, description] of Object.entries(spec.ok)) responses[status] = { description, content: { 'application/json': {} } };
  for (const status of [...statuses].sort((a, b) => a - b)) responses[status] = { $ref: `#/components/responses/Error${status}` };
  return {
    summary: spec.summary,
    description: [accessText(spec.access), spec.notes].filter(Boolean).join('\n\n'),
    ...(secured ? {} : { security: [] }),
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${spec.body}` } } } } }
      : {}),
    responses,
  };
}

const caseId = pathParameter('caseId');
const caseUpdate = (summary: string, body: OperationSpec['body'], action: CaseAction, notes?: string): Json =>
  operation({
    summary,
    access: { action },
    notes,
    parameters: [caseId],
    body,
    ok: { 200: 'The case receipt: `{caseId, status, decisionId, content, explanation}` (explanation routes: the explanation)' },
    errors: [404, 409, 422],
  });

/** What differs from one API to another: the local runner's sign-in, and whether the page is served. */
export interface DocumentedOptions {
  localSignIn?: boolean;
  page?: boolean;
}

const pageRoutes = (): Json => ({
  '/': {
    get: operation({
      summary: "The handlers' workspace (HTML page)",
      access: { public: true },
      ok: { 200: 'The page, under a strict Content-Security-Policy' },
    }),
  },
  '/assets/app.js': { get: operation({ summary: "The workspace's script", access: { public: true }, ok: { 200: 'JavaScript' } }) },
  '/assets/app.css': { get: operation({ summary: "The workspace's style sheet", access: { public: true }, ok: { 200: 'CSS' } }) },
});

const localSignInRoutes = (): Json => ({
  '/auth/local-token': {
    post: operation({
      summary: 'Mint a token for any person and roles (local runner only)',
      access: { public: true },
      notes: "Mounted only by the all-in-one local runner, for the page's role picker; a production API has no such route (404).",
      body: 'LocalSignIn',
      ok: { 201: '`{"token", "expiresIn"}`' },
    }),
  },
});

/** Placing and releasing a legal hold on a case or an employee. */
function holdPaths(base: string, parameter: Json, what: string, kind: 'case' | 'employee'): Json {
  const hold = { parameters: [parameter], body: 'Hold' as const };
  return {
    [`${base}/hold`]: {
      post: operation({
        ...hold,
        summary: `Place a legal hold on ${what}: retention and erasure leave it alone`,
        access: { action: `${kind}.hold` },
        ok: { 201: 'The hold', 200: 'The hold already active' },
        errors: [404],
      }),
    },
    [`${base}/hold/release`]: {
      post: operation({
        ...hold,
        summary: `Release the legal hold of ${what}`,
        access: { action: `${kind}.release_hold` },
        ok: { 200: 'The released hold' },
        errors: [404, 409],
      }),
    },
  };
}

/** The OpenAPI 3.1 description of every route `createApp` mounts, with request schemas generated from the zod schemas the routes validate with. */
export function buildOpenApiDocument(options: DocumentedOptions = {}): Json {
  const employeeId = pathParameter('id', jsonSchema(employeeIdSchema));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Case governance API',
      version: '0.1.0',
      description:
        'Cases for employee social-media activity. Every `/api` route needs `Authorization: Bearer <JWT>` (HS256, claims `sub`, `name`, `roles`). Errors answer `{"error": {"code", "message", "fields": [{"path", "message"}]}}`.',
    },
    security: [{ bearerAuth: [] }],
    paths: {
      '/healthz': { get: operation({ summary: 'The process is up', access: { public: true }, ok: { 200: '`{"status": "ok"}`' } }) },
      '/readyz': {
        get: operation({
          summary: 'Temporal and the database answer',
          access: { public: true },
          ok: { 200: 'Ready', 503: 'Not ready; `checks` names the failing check' },
        }),
      },
      '/api/openapi.json': {
        get: operation({ summary: 'This document', access: { public: true }, ok: { 200: 'The OpenAPI 3.1 document' } }),
      },
      '/api/activities': {
        post: operation({
          summary: 'Report a detected activity (opens a case)',
          access: { action: 'activity.report' },
          notes: 'The case id is derived from `source` and `sourceRef`: a re-sent detection answers 200 with the same case.',
          body: 'DetectedActivity',
          ok: {
            202: 'A new case, recorded and ready to be decided: `{"caseId"}`',
            200: 'A re-sent detection: `{"caseId"}` of the existing case',
          },
        }),
      },
      '/api/cases': {
        get: operation({
          summary: 'List and search cases, newest first',
          access: { action: 'case.list' },
          notes: '`mine=true` keeps the cases waiting on the caller.',
          parameters: queryParameters(caseListQuerySchema),
          ok: { 200: '`{"total", "limit", "offset", "cases": [...]}`' },
        }),
      },
      '/api/cases/{caseId}': {
        get: operation({
          summary: 'View a case: status, assessment, live workflow state, employee, detection, timeline',
          access: { action: 'case.view' },
          parameters: [caseId],
          ok: { 200: 'The case' },
          errors: [404],
        }),
      },
      '/api/cases/{caseId}/precedents': {
        get: operation({
          summary: 'How comparable cases were decided and the sanctions the matrix allows',
          access: { action: 'case.precedents' },
          parameters: [caseId],
          ok: { 200: 'The precedents' },
          errors: [404],
        }),
      },
      '/api/cases/{caseId}/decision': {
        post: caseUpdate(
          'Decide a case: sanction, capitalize or dismiss',
          'Decision',
          'case.decide',
          'The case decides who may (403 otherwise): its routed role or a higher deciding role (manager < social_media_lead < steering_committee), a manager only for their own reports; admins may not decide.',
        ),
      },
      '/api/cases/{caseId}/approval': {
        post: caseUpdate('Approve a harsh sanction or send it back', 'Approval', 'case.approve', 'A second person: never the decider.'),
      },
      '/api/cases/{caseId}/content-status': {
        post: caseUpdate('Report on a requested content removal', 'RemovalReport', 'case.report_content'),
      },
      '/api/cases/{caseId}/follow-up': {
        post: caseUpdate('Report on the follow-up of a positive activity', 'FollowUpReport', 'case.report_follow_up'),
      },
      '/api/cases/{caseId}/explanation': {
        get: operation({
          summary: 'The anonymised explanation (lesson) of a case, as it stands',
          access: { action: 'case.view_explanation' },
          parameters: [caseId],
          ok: { 200: 'The explanation: kind, title, parts, status, publishAt' },
          errors: [404],
        }),
        put: caseUpdate(
          'Edit the explanation',
          'ExplanationEdit',
          'case.edit_explanation',
          'Refused (422) while a part is empty or the text identifies the employee (the refusal names what was found); only while a draft.',
        ),
      },
      '/api/cases/{caseId}/explanation/approve': {
        post: caseUpdate(
          'Approve the explanation and schedule its publication',
          'ExplanationApproval',
          'case.approve_explanation',
          "A different person from the last editor (403 four_eyes). Published at `publishAt`, or after the configured delay; a `publishAt` sooner than EXPLANATION_MIN_PUBLICATION_DELAY is refused (422 publish_too_soon). On a case routed to the manager, only the employee's own manager.",
        ),
      },
      '/api/cases/{caseId}/explanation/withdraw': {
        post: caseUpdate('Withdraw the explanation before publication', 'ExplanationWithdrawal', 'case.withdraw_explanation'),
      },
      '/api/lessons': {
        get: operation({
          summary: 'The community feed of published lessons, newest first',
          access: { roles: 'any' },
          parameters: queryParameters(lessonPageSchema),
          ok: {
            200: '`{"lessons": [{id, kind, title, parts, publishedAt}], "nextBefore"}`: pass `nextBefore` as `before` for the next page',
          },
        }),
      },
      '/api/employees/import': {
        post: operation({
          summary: 'Import employees (up to 50,000), applied whole or not at all',
          access: { action: 'employee.write' },
          body: 'EmployeeImport',
          ok: { 200: '`{"imported"}`' },
          errors: [409, 413],
        }),
      },
      '/api/employees/{id}': {
        put: operation({
          summary: 'Create or replace an employee',
          access: { action: 'employee.write' },
          parameters: [employeeId],
          body: 'Employee',
          ok: { 201: 'Created: the employee', 200: 'Replaced: the employee' },
          errors: [409],
        }),
        get: operation({
          summary: 'One employee',
          access: { action: 'employee.read' },
          notes:
            "For HR and the deciders of the employee's cases (their manager, whoever a case of theirs is routed to or was decided by); to anyone else 404.",
          parameters: [employeeId],
          ok: { 200: 'The employee' },
          errors: [404],
        }),
      },
      '/api/sanction-matrix': {
        get: operation({
          summary: 'The current sanction matrix',
          access: { action: 'matrix.read' },
          ok: { 200: 'The matrix with its version' },
        }),
        post: operation({
          summary: 'Propose a new version of the sanction matrix',
          access: { action: 'matrix.propose' },
          notes: 'It applies only once another person approves it (POST /api/sanction-matrix/proposals/{id}/approval).',
          body: 'SanctionMatrix',
          ok: { 202: 'The pending proposal: `{id, rules, proposedBy, proposedAt, status}`' },
        }),
      },
      '/api/sanction-matrix/versions/{version}': {
        get: operation({
          summary: 'One version of the sanction matrix',
          access: { action: 'matrix.read' },
          parameters: [pathParameter('version', jsonSchema(matrixVersionSchema))],
          ok: { 200: 'The matrix version' },
          errors: [400, 404],
        }),
      },
      '/api/sanction-matrix/proposals': {
        get: operation({
          summary: 'Proposed sanction matrices, newest first, with their verdicts',
          access: { action: 'matrix.read' },
          ok: { 200: '`{"proposals": [{id, rules, proposedBy, status, decidedBy, version}]}`' },
        }),
      },
      '/api/sanction-matrix/proposals/{id}/approval': {
        post: operation({
          summary: 'Approve a proposed sanction matrix (it becomes the next version) or reject it',
          access: { action: 'matrix.approve' },
          notes: 'Not by its proposer (403 four_eyes); once (409 proposal_decided).',
          parameters: [pathParameter('id')],
          body: 'MatrixVerdict',
          ok: { 200: 'The settled proposal, with the `version` it published' },
          errors: [404, 409],
        }),
      },
      ...holdPaths('/api/cases/{caseId}', caseId, 'a case', 'case'),
      ...holdPaths('/api/employees/{id}', employeeId, 'an employee (every case about them, and their erasure)', 'employee'),
      '/api/employees/{id}/erasure': {
        post: operation({
          summary: 'Erase an employee: pseudonymise their personal data and that of their closed cases',
          access: { action: 'employee.erase' },
          notes:
            'Refused while a case of theirs is open (409 open_case) or a legal hold covers them or one of their cases (409 legal_hold). Nothing in flight is stopped. Answers what it did.',
          parameters: [employeeId],
          ok: { 200: '`{employeeId, erasedAt, alreadyErased, cases, notifications}`' },
          errors: [404, 409],
        }),
      },
      '/api/audit': {
        get: operation({
          summary: 'The audit trail: every state-changing call and every refusal, newest first',
          access: { action: 'audit.read' },
          parameters: queryParameters(auditQuerySchema),
          ok: {
            200: '`{"entries": [{id, at, requestId, actor, roles, action, method, path, caseId, objectId, status, outcome, code}], "nextBefore"}`',
          },
        }),
      },
      '/api/documents': {
        get: operation({
          summary: 'The policy documents (social-media policy, communication plan, training material), each with its current version',
          access: { roles: 'any' },
          ok: { 200: '`{"documents": [{id, title, purpose, versions, current}]}`' },
        }),
      },
      '/api/documents/{doc}': {
        get: operation({
          summary: 'One document and the history of its versions, newest first',
          access: { roles: 'any' },
          parameters: [pathParameter('doc', jsonSchema(policyDocumentIdSchema))],
          ok: { 200: 'The document and its versions (number, changeSummary, author, approver, effectiveAt, reviewId)' },
          errors: [404],
        }),
      },
      '/api/documents/{doc}/versions/{n}': {
        get: operation({
          summary: 'One version of a document, with its markdown text',
          access: { roles: 'any' },
          parameters: [pathParameter('doc', jsonSchema(policyDocumentIdSchema)), pathParameter('n', jsonSchema(versionNumberSchema))],
          ok: { 200: 'The version' },
          errors: [400, 404],
        }),
      },
      '/api/documents/{doc}/diff': {
        get: operation({
          summary: 'A line diff between two versions of a document',
          access: { roles: 'any' },
          parameters: [pathParameter('doc', jsonSchema(policyDocumentIdSchema)), ...queryParameters(documentDiffQuerySchema)],
          ok: { 200: '`{"document", "from", "to", "stats": {added, removed}, "hunks", "unified"}`' },
          errors: [404],
        }),
      },
      '/api/policy-reviews': {
        get: operation({
          summary: 'Policy reviews, open and closed, newest first, with the cases that fed them',
          access: { action: 'review.read' },
          parameters: queryParameters(policyReviewListQuerySchema),
          ok: { 200: '`{"total", "limit", "offset", "reviews": [...]}`' },
        }),
      },
      '/api/policy-reviews/{id}': {
        get: operation({
          summary: 'One policy review: lessons, live state, answers, trail',
          access: { action: 'review.read' },
          parameters: [pathParameter('id')],
          ok: { 200: 'The review' },
          errors: [404],
        }),
      },
      '/api/policy-reviews/{id}/answer': {
        post: operation({
          summary: 'Answer a policy review: proposed new texts, or no change needed',
          access: { action: 'review.answer' },
          notes:
            'The review decides who may (403 otherwise): the social-media lead or communications, and the steering committee once the review is escalated. A proposal based on a version that is no longer current is refused (409 stale_base): rebase it.',
          parameters: [pathParameter('id')],
          body: 'ReviewAnswer',
          ok: { 200: 'The review receipt: `{reviewId, status, round, pendingAnswer, lastReturned}`' },
          errors: [404, 409, 422],
        }),
      },
      '/api/policy-reviews/{id}/approval': {
        post: operation({
          summary: 'Approve the pending answer (publishes the new versions) or send it back',
          access: { action: 'review.approve' },
          notes:
            'Not by the author of the answer (403 four_eyes). Approving a proposal overtaken by another review is refused (409 stale_base).',
          parameters: [pathParameter('id')],
          body: 'ReviewVerdict',
          ok: { 200: 'The review receipt: `{reviewId, status, round, pendingAnswer, lastReturned}`' },
          errors: [404, 409, 422],
        }),
      },
      '/api/campaigns': {
        get: operation({
          summary: 'Awareness campaigns, newest first, with recipients and acknowledgements',
          access: { action: 'campaign.read' },
          ok: { 200: '`{"campaigns": [{campaignId, status, versionNumber, deadline, recipients, acknowledged, ...}]}`' },
        }),
        post: operation({
          summary: 'Start the awareness campaign of a version of the social-media policy by hand',
          access: { action: 'campaign.start' },
          notes:
            'The policy review starts it on its own when it publishes a version. One campaign per version: asking again answers 200 with the same id. Versions of other documents are refused (422 not_campaign_document), and so is a past deadline (422 deadline_in_past).',
          body: 'CampaignStart',
          ok: { 202: 'A new campaign: `{"campaignId"}`', 200: 'The existing campaign of that version: `{"campaignId"}`' },
          errors: [404, 422],
        }),
      },
      '/api/campaigns/{campaignId}': {
        get: operation({
          summary: 'A campaign report: coverage by department, e-mails, reminders, sessions, live state, final report',
          access: { action: 'campaign.read' },
          parameters: [pathParameter('campaignId')],
          ok: { 200: 'The campaign report' },
          errors: [404],
        }),
      },
      '/api/campaigns/{campaignId}/acknowledgements': {
        post: operation({
          summary: "Acknowledge a revised policy (the caller's own acknowledgement)",
          access: { roles: 'any' },
          notes:
            'The body may be empty; an `employeeId` other than the caller is refused (403 own_acknowledgement_only), so is a caller the campaign does not address (403 not_a_recipient) and a campaign a newer revision replaced (409 campaign_superseded). Acknowledging again answers 200 with the first acknowledgement.',
          parameters: [pathParameter('campaignId')],
          body: 'Acknowledgement',
          ok: { 201: 'Recorded: `{campaignId, employeeId, acknowledgedAt, late}`', 200: 'Already recorded: the same' },
          errors: [404, 409],
        }),
      },
      '/api/campaigns/{campaignId}/sessions': {
        get: operation({
          summary: "A campaign's know-how sessions, with places left and the caller's registration",
          access: { roles: 'any' },
          parameters: [pathParameter('campaignId')],
          ok: { 200: '`{"sessions": [{id, startsAt, facilitator, capacity, registered, placesLeft, heldAt, mine}]}`' },
          errors: [404],
        }),
        post: operation({
          summary: 'Schedule a know-how session (posted to the enterprise social network)',
          access: { action: 'campaign.schedule_session' },
          notes:
            'Refused in a closed or superseded campaign (409 campaign_closed), in the past (422 session_in_past) or after the deadline (422 session_after_deadline).',
          parameters: [pathParameter('campaignId')],
          body: 'KnowHowSession',
          ok: { 201: 'The session' },
          errors: [404, 409, 422],
        }),
      },
      '/api/campaigns/{campaignId}/sessions/{sessionId}/registrations': {
        post: operation({
          summary: 'Register the caller for a know-how session',
          access: { roles: 'any' },
          notes:
            'For those the campaign addresses (403 not_a_recipient). Capacity holds under any concurrency (409 session_full); a session held or started takes none (409 session_started).',
          parameters: [pathParameter('campaignId'), pathParameter('sessionId')],
          ok: { 201: 'Registered: `{session, registration}`', 200: 'Already registered: the same' },
          errors: [404, 409],
        }),
      },
      '/api/campaigns/{campaignId}/sessions/{sessionId}/attendance': {
        post: operation({
          summary: 'Record who attended a know-how session (marks it held)',
          access: { action: 'campaign.record_attendance' },
          notes: 'Registered employees only (422 not_registered, naming them).',
          parameters: [pathParameter('campaignId'), pathParameter('sessionId')],
          body: 'Attendance',
          ok: { 200: '`{"session": {..., attended}}`' },
          errors: [404, 422],
        }),
      },
      '/api/me/acknowledgements': {
        get: operation({
          summary: 'The revised policies the caller still has to acknowledge',
          access: { roles: 'any' },
          ok: { 200: '`{"pending": [{campaignId, title, versionNumber, changeSummary, deadline, overdue, acknowledge}]}`' },
        }),
      },
      '/metrics': {
        get: operation({
          summary: 'Prometheus metrics of the API',
          access: { public: true },
          notes:
            'HTTP requests by route and status with latency histograms, the Node process, and gauges of open cases by status, overdue decisions, pending removals and campaign coverage. Keep it on an internal network.',
          ok: { 200: 'The Prometheus text exposition format' },
        }),
      },
      '/auth/methods': {
        get: operation({
          summary: 'How the page may sign people in',
          access: { public: true },
          ok: { 200: '`{"bearer": true, "local": boolean}`: `local` when the local runner mints tokens' },
        }),
      },
      ...(options.page ? pageRoutes() : {}),
      ...(options.localSignIn ? localSignInRoutes() : {}),
      '/api/me/work': {
        get: operation({
          summary: 'What waits on the caller, oldest first',
          access: { roles: 'any' },
          notes:
            'Decisions, approvals, explanation reviews, removal reports, follow-ups, policy-review answers and approvals, and policies to acknowledge, each with when the wait began, its due date and whether it is overdue.',
          ok: { 200: '`{"items": [{kind, subject: {type, id}, about, since, dueAt, overdue}]}`' },
        }),
      },
      '/api/reports/consistency': {
        get: operation({
          summary: 'The consistency report of a period (the dashboard)',
          access: { action: 'report.consistency' },
          notes:
            'Decisions in force in [from, to) (default: the last 90 days): sanctions by act, department and deciding role, departures from precedent with their justification, time to decision, escalations; overdue decisions as of now.',
          parameters: queryParameters(reportPeriodSchema),
          ok: { 200: 'The report' },
        }),
      },
      '/api/reports/consistency.csv': {
        get: operation({
          summary: 'The consistency report as CSV (section, key, detail, value)',
          access: { action: 'report.consistency' },
          parameters: queryParameters(reportPeriodSchema),
          ok: { 200: 'text/csv' },
        }),
      },
      '/api/exports/cases.csv': {
        get: operation({
          summary: 'The cases a list query matches, as CSV',
          access: { action: 'case.list' },
          notes: 'The filters of `GET /api/cases` (without paging); every matching case the caller may list.',
          parameters: queryParameters(caseListQuerySchema.omit({ limit: true, offset: true })),
          ok: { 200: 'text/csv' },
        }),
      },
      '/api/cases/{caseId}/export.pdf': {
        get: operation({
          summary: 'The case file as PDF: facts, evidence, decisions and approvals, outcome, timeline',
          access: { action: 'case.view' },
          parameters: [caseId],
          ok: { 200: 'application/pdf' },
          errors: [404],
        }),
      },
      '/api/cases/{caseId}/explanation/check': {
        post: operation({
          summary: 'Check a text being edited for what still identifies the employee',
          access: { action: 'case.edit_explanation' },
          notes:
            'Nothing is sent to the case: the answer lists each finding with its field, kind, text and position, for the editor to highlight.',
          parameters: [caseId],
          body: 'ExplanationEdit',
          ok: { 200: '`{"clean", "findings": [{field, key, kind, found, start, end}]}`' },
          errors: [404],
        }),
      },
      '/api/me/notifications': {
        get: operation({
          summary: "The caller's inbox, newest first",
          access: { roles: 'any' },
          parameters: queryParameters(pageSchema),
          ok: { 200: '`{"notifications": [{"recipient", "subject", "body", "caseId", "sentAt"}]}`' },
        }),
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256)' } },
      schemas: {
        Error: jsonSchema(errorBodySchema),
        ...Object.fromEntries(Object.entries(requestBodies).map(([name, schema]) => [name, jsonSchema(schema)])),
      },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `Error${status}`,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}
