import PDFDocument from 'pdfkit';
import type { viewCase } from '../services/caseView';

type CaseView = Awaited<ReturnType<typeof viewCase>>;

const words = (value: unknown) => String(value ?? '').replaceAll('_', ' ');
const when = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '-';

/** A case file as a PDF: facts, the detection (its evidence), decisions and approvals, outcome, and the timeline. */
export function casePdf(view: CaseView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Case ${view.caseId}`, Subject: 'Case file' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2).font('Helvetica').fontSize(10);
  const field = (label: string, value: unknown) =>
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(words(value));
  const plain = (label: string, value: string) =>
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  doc.font('Helvetica-Bold').fontSize(18).text(`Case ${view.caseId}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(`Exported ${when(new Date())} - confidential: for the people handling this case.`);
  doc.fillColor('#000');

  heading('Facts');
  field('Status', view.status);
  field('Kind', view.assessment?.kind);
  field('Category', view.assessment?.category);
  field('Severity', view.assessment?.severity);
  field('Deciding role', view.decidingRole);
  field('Department', view.department);
  plain('Employee', view.employee ? `${view.employee.name} (${view.employee.id})` : '-');
  plain('Opened', when(view.openedAt));
  plain('Closed', when(view.closedAt));

  heading('Evidence');
  if (view.activity) {
    plain('Detected', `${when(view.activity.detectedAt)} by ${view.activity.source} (reference ${view.activity.sourceRef})`);
    plain(
      'Where',
      `${view.activity.platform}, ${view.activity.siteControlledByCompany ? 'a company-controlled site' : 'an external site'}`,
    );
    plain('Address', view.activity.url);
    plain('Reach', String(view.activity.reach));
    plain('Excerpt', view.activity.content);
    if (view.streisandRisk) plain('Streisand risk', `${view.streisandRisk.level}: ${view.streisandRisk.hint}`);
  } else doc.text('Not recorded yet.');
  doc
    .fontSize(9)
    .fillColor('#444')
    .text('Evidence fingerprints (hashes of captured posts) will be listed here once evidence capture is in place.')
    .fillColor('#000')
    .fontSize(10);

  heading('Decisions and approvals');
  if (view.decisions.length === 0) doc.text('No decision yet.');
  for (const decision of view.decisions) {
    doc.moveDown(0.3);
    plain('Decided', `${when(decision.decidedAt)} by ${decision.decidedByName} (${decision.decidedByRoles.join(', ')})`);
    field('Outcome', decision.sanction ? `${decision.outcome}: ${decision.sanction}` : decision.outcome);
    plain('Rationale', decision.rationale);
    if (decision.contentAction) plain('Content', `${words(decision.contentAction)}: ${decision.contentRationale ?? ''}`);
    if (decision.justification) plain('Departure from precedent', decision.justification);
    field('Approval', decision.approvalStatus);
    for (const approval of decision.approvals) {
      plain(approval.approve ? 'Approved' : 'Sent back', `${when(approval.at)} by ${approval.approverName}: ${approval.rationale}`);
    }
  }
  if (view.sanction)
    plain(
      'Sanction applied',
      `${words(view.sanction.type)} on ${when(view.sanction.appliedAt)} (matrix version ${view.sanction.matrixVersion})`,
    );
  if (view.content) plain('Content action', `${words(view.content.action)}, ${words(view.content.status)}`);

  heading('Timeline');
  for (const event of view.timeline) doc.text(`${when(event.at)}  ${words(event.action)}  (${event.actor})`);
  doc.end();
  return done;
}
