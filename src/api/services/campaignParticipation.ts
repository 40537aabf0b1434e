import type { AcknowledgementInput, AttendanceInput } from '../../domain/schemas/campaigns';
import { acknowledgeOnce } from '../../records/acknowledgements';
import { isRecipient } from '../../records/campaignRecipients';
import { findCampaign, findNewerCampaign } from '../../records/campaigns';
import {
  findSessionOf,
  getRegistration,
  saveAttendance,
  registeredAmong,
  registerOnce,
  sessionViewOf,
} from '../../records/knowHowSessions';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

/** The campaign, refused when a newer revision replaced it: acknowledging or registering belongs to the newer one. */
async function currentCampaign(ctx: ApiContext, campaignId: string) {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound(`Campaign ${campaignId}`);
  const newer = campaign.status === 'superseded' ? { id: campaign.supersededBy } : await findNewerCampaign(ctx.db, campaign);
  if (newer) {
    throw new ApiError(409, 'campaign_superseded', `A newer revision replaced this one${newer.id ? `: see campaign ${newer.id}` : ''}.`);
  }
  return campaign;
}

async function assertRecipient(ctx: ApiContext, campaignId: string, employeeId: string): Promise<void> {
  if (!(await isRecipient(ctx.db, campaignId, employeeId))) {
    throw new ApiError(403, 'not_a_recipient', `Campaign ${campaignId} does not address ${employeeId}.`);
  }
}

/** Records the caller's own acknowledgement; acknowledging again changes nothing. */
export async function acknowledge(ctx: ApiContext, campaignId: string, principal: Principal, input: AcknowledgementInput) {
  if (input.employeeId !== undefined && input.employeeId !== principal.sub) {
    throw new ApiError(403, 'own_acknowledgement_only', 'Employees acknowledge for themselves only.', [
      { path: 'employeeId', message: 'must be your own id' },
    ]);
  }
  const campaign = await currentCampaign(ctx, campaignId);
  await assertRecipient(ctx, campaignId, principal.sub);
  const { created, acknowledgement: recorded } = await acknowledgeOnce(ctx.db, campaignId, principal.sub);
  return {
    created,
    acknowledgement: {
      campaignId,
      employeeId: recorded.employeeId,
      acknowledgedAt: recorded.acknowledgedAt,
      late: recorded.acknowledgedAt > campaign.deadline,
    },
  };
}

/** Registers the caller for a session, within its capacity and before it starts; registering again changes nothing. */
export async function register(ctx: ApiContext, campaignId: string, sessionId: string, principal: Principal) {
  await currentCampaign(ctx, campaignId);
  const session = await findSessionOf(ctx.db, campaignId, sessionId);
  if (!session) throw notFound(`Session ${sessionId} of campaign ${campaignId}`);
  await assertRecipient(ctx, campaignId, principal.sub);
  const registration = await registerOnce(ctx.db, sessionId, principal.sub);
  if (registration.outcome === 'started') throw new ApiError(409, 'session_started', 'This session has started already.');
  if (registration.outcome === 'full') throw new ApiError(409, 'session_full', `This session is full (${registration.capacity} places).`);
  return { created: registration.outcome === 'registered', ...(await registrationView(ctx, sessionId, principal.sub)) };
}

async function registrationView(ctx: ApiContext, sessionId: string, employeeId: string) {
  const { session, registration } = await getRegistration(ctx.db, sessionId, employeeId);
  return {
    session: sessionViewOf(session),
    registration: { employeeId, registeredAt: registration.registeredAt, attended: registration.attended },
  };
}

/** Records who attended (registered employees only); the first recording marks the session held. */
export async function recordAttendance(ctx: ApiContext, campaignId: string, sessionId: string, input: AttendanceInput) {
  const session = await findSessionOf(ctx.db, campaignId, sessionId);
  if (!session) throw notFound(`Session ${sessionId} of campaign ${campaignId}`);
  const attended = [...new Set(input.attended)];
  const registered = await registeredAmong(ctx.db, sessionId, attended);
  const strangers = input.attended.map((employeeId, i) => ({ employeeId, i })).filter(({ employeeId }) => !registered.has(employeeId));
  if (strangers.length > 0) {
    throw new ApiError(
      422,
      'not_registered',
      'Attendance is recorded for registered employees only.',
      strangers.map(({ employeeId, i }) => ({ path: `attended.${i}`, message: `${employeeId} is not registered for this session` })),
    );
  }
  const { held, attendees } = await saveAttendance(ctx.db, session, attended);
  return { session: { ...sessionViewOf(held), attended: attendees } };
}
