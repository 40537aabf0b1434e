import { type CurrentVersions, isPolicyDocument, POLICY_DOCUMENTS, type PolicyDocumentId } from '../domain/policyReview';
import type { Tx } from './transaction';

/** The newest version of each document. */
export async function latestPolicyVersions(db: Tx) {
  const latest = await db.policyVersion.findMany({ distinct: ['documentId'], orderBy: [{ documentId: 'asc' }, { number: 'desc' }] });
  const byDocument = new Map(
    latest.filter((version) => isPolicyDocument(version.documentId)).map((version) => [version.documentId as PolicyDocumentId, version]),
  );
  const missing = POLICY_DOCUMENTS.filter((document) => !byDocument.has(document));
  if (missing.length > 0) throw new Error(`policy documents without a version: ${missing.join(', ')} (are the migrations applied?)`);
  return byDocument;
}

/** The number of the newest version of each document. */
export async function currentPolicyVersions(db: Tx): Promise<CurrentVersions> {
  return versionNumbersOf(await latestPolicyVersions(db));
}

export function versionNumbersOf(latest: Awaited<ReturnType<typeof latestPolicyVersions>>): CurrentVersions {
  return Object.fromEntries(POLICY_DOCUMENTS.map((document) => [document, latest.get(document)!.number])) as CurrentVersions;
}

/** The newest version of one document, if it has any. */
export function latestVersionOf(db: Tx, documentId: PolicyDocumentId) {
  return db.policyVersion.findFirst({ where: { documentId }, orderBy: { number: 'desc' } });
}

/** Every document with its newest version and how many it has. */
export function listPolicyDocuments(db: Tx) {
  return db.policyDocument.findMany({
    include: { versions: { orderBy: { number: 'desc' }, take: 1 }, _count: { select: { versions: true } } },
  });
}

/** One document with all its versions, newest first. */
export function findPolicyDocument(db: Tx, documentId: PolicyDocumentId) {
  return db.policyDocument.findUnique({ where: { id: documentId }, include: { versions: { orderBy: { number: 'desc' } } } });
}

export function findPolicyVersion(db: Tx, documentId: PolicyDocumentId, number: number) {
  return db.policyVersion.findUnique({ where: { documentId_number: { documentId, number } } });
}

export function findPolicyVersionById(db: Tx, policyVersionId: string) {
  return db.policyVersion.findUnique({ where: { id: policyVersionId } });
}
