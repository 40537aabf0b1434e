import { diffHunks, diffLines, unifiedDiff } from '../../domain/policyDiff';
import { isPolicyDocument, POLICY_DOCUMENTS, type PolicyDocumentId } from '../../domain/policyReview';
import { findPolicyDocument, findPolicyVersion, listPolicyDocuments } from '../../records/policyDocuments';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

const versionSummary = (version: {
  number: number;
  changeSummary: string;
  author: string;
  approver: string | null;
  effectiveAt: Date;
  reviewId: string | null;
}) => ({
  number: version.number,
  changeSummary: version.changeSummary,
  author: version.author,
  approver: version.approver,
  effectiveAt: version.effectiveAt,
  reviewId: version.reviewId,
});

/** A document id from the path; an unknown one is a missing resource. */
export function documentIdOf(param: string): PolicyDocumentId {
  if (!isPolicyDocument(param)) throw notFound(`Document ${param}`);
  return param;
}

/** The three documents, each with its current version. */
export async function listDocuments(ctx: ApiContext) {
  const documents = await listPolicyDocuments(ctx.db);
  const order = (id: string) => POLICY_DOCUMENTS.indexOf(id as PolicyDocumentId);
  return {
    documents: documents
      .sort((a, b) => order(a.id) - order(b.id))
      .map((document) => ({
        id: document.id,
        title: document.title,
        purpose: document.purpose,
        versions: document._count.versions,
        current: document.versions[0] ? versionSummary(document.versions[0]) : null,
      })),
  };
}

/** One document and the history of its versions, newest first. */
export async function viewDocument(ctx: ApiContext, documentId: PolicyDocumentId) {
  const document = await findPolicyDocument(ctx.db, documentId);
  if (!document) throw notFound(`Document ${documentId}`);
  return { id: document.id, title: document.title, purpose: document.purpose, versions: document.versions.map(versionSummary) };
}

async function findVersion(ctx: ApiContext, documentId: PolicyDocumentId, number: number) {
  const version = await findPolicyVersion(ctx.db, documentId, number);
  if (!version) throw notFound(`Version ${number} of ${documentId}`);
  return version;
}

export async function viewDocumentVersion(ctx: ApiContext, documentId: PolicyDocumentId, number: number) {
  const version = await findVersion(ctx, documentId, number);
  return { document: documentId, ...versionSummary(version), text: version.text };
}

/** The line diff between two versions: hunks as `diff -u` groups them, and the unified text. */
export async function diffDocumentVersions(ctx: ApiContext, documentId: PolicyDocumentId, from: number, to: number, context: number) {
  const [before, after] = await Promise.all([findVersion(ctx, documentId, from), findVersion(ctx, documentId, to)]);
  const lines = diffLines(before.text, after.text);
  const hunks = diffHunks(lines, context);
  const unified = unifiedDiff(lines, `${documentId} v${from}`, `${documentId} v${to}`, context);
  return {
    document: documentId,
    from: versionSummary(before),
    to: versionSummary(after),
    stats: { added: lines.filter((line) => line.op === 'add').length, removed: lines.filter((line) => line.op === 'remove').length },
    hunks,
    unified,
  };
}
