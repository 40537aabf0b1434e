import { sessionViewOf } from '../../records/knowHowSessions';
import type { AcknowledgementInput, AttendanceInput } from '../../domain/schemas/campaigns';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

/** The campaign, refused when a newer revision replaced it: acknowledging or registering belongs to the newer one. */
async function currentCampaign(ctx: ApiContext, campaignId: string) {
  const campaign = await ctx.db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw notFound(`Campaign ${campaignId}`);
  const newer =
    campaign.status === 'superseded'
      ? { id: campaign.supersededBy }
      : await ctx.db.campaign.findFirst({
          where: { documentId: campaign.documentId, versionNumber: { gt: campaign.versionNumber }, status: { not: 'superseded' } },
          select: { id: true },
        });
  if (newer) {
    throw new ApiError(409, 'campaign_superseded', `A newer revision replaced this one${newer.id ? `: see campaign ${newer.id}` : ''}.`);
  }
  return campaign;
}

async function assertRecipient(ctx: ApiContext, campaignId: string, employeeId: string): Promise<void> {
  const recipient = await ctx.db.campaignRecipient.findUnique({ where: { campaignId_employeeId: { campaignId, employeeId } } });
  if (!recipient) throw new ApiError(403, 'not_a_recipient', `Campaign ${campaignId} does not address ${employeeId}.`);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** Records the caller's own acknowledgement; acknowledging again changes nothing. */
export async function acknowledge(ctx: ApiContext, campaignId: string, principal: Principal, input: AcknowledgementInput) {
  if (input.employeeId !== undefined && input.employeeId !== principal.sub) {
    throw new ApiError(403, 'own_acknowledgement_only', 'Employees acknowledge for themselves only.', [
      { path: 'employeeId', message: 'must be your own id' },
    ]);
  }
  const campaign = await currentCampaign(ctx, campaignId);
  await assertRecipient(ctx, campaignId, principal.sub);
  const { count } = await ctx.db.acknowledgement.createMany({ data: [{ campaignId, employeeId: principal.sub }], skipDuplicates: true });
  const recorded = await ctx.db.acknowledgement.findUniqueOrThrow({
    where: { campaignId_employeeId: { campaignId, employeeId: principal.sub } },
  });
  return {
    created: count === 1,
    acknowledgement: {
      campaignId,
      employeeId: recorded.employeeId,
      acknowledgedAt: recorded.acknowledgedAt,
      late: recorded.acknowledgedAt > campaign.deadline,
    },
  };
}

/**
 * Registers the caller for a session. Capacity holds under any concurrency: the session's row is
 * updated only while its count is below capacity (the row lock orders concurrent registrations), in
 * the same transaction as the registration.
 */
export async function register(ctx: ApiContext, campaignId: string, sessionId: string, principal: Principal) {
  await currentCampaign(ctx, campaignId);
  const session = await ctx.db.knowHowSession.findFirst({ where: { id: sessionId, campaignId } });
  if (!session) throw notFound(`Session ${sessionId} of campaign ${campaignId}`);
  await assertRecipient(ctx, campaignId, principal.sub);
  const key = { sessionId_employeeId: { sessionId, employeeId: principal.sub } };
  try {
    const created = await ctx.db.$transaction(async (tx) => {
      if (await tx.sessionRegistration.findUnique({ where: key })) return false;
      const taken = await tx.$executeRaw`
        UPDATE know_how_sessions SET registered_count = registered_count + 1
        WHERE id = ${sessionId} AND registered_count < capacity AND held_at IS NULL AND starts_at > now()`;
      if (taken === 0) {
        const now = await tx.knowHowSession.findUniqueOrThrow({ where: { id: sessionId } });
        if (now.heldAt || now.startsAt.getTime() <= Date.now())
          throw new ApiError(409, 'session_started', 'This session has started already.');
        throw new ApiError(409, 'session_full', `This session is full (${now.capacity} places).`);
      }
      await tx.sessionRegistration.create({ data: { sessionId, employeeId: principal.sub } });
      return true;
    });
    return { created, ...(await registrationView(ctx, sessionId, principal.sub)) };
  } catch (error) {
    // The same person registering twice at once: the second transaction rolled back, the first counts.
    if (isUniqueViolation(error)) return { created: false, ...(await registrationView(ctx, sessionId, principal.sub)) };
    throw error;
  }
}

async function registrationView(ctx: ApiContext, sessionId: string, employeeId: string) {
  const [session, registration] = await Promise.all([
    ctx.db.knowHowSession.findUniqueOrThrow({ where: { id: sessionId } }),
    ctx.db.sessionRegistration.findUniqueOrThrow({ where: { sessionId_employeeId: { sessionId, employeeId } } }),
  ]);
  return {
    session: sessionViewOf(session),
    registration: { employeeId, registeredAt: registration.registeredAt, attended: registration.attended },
  };
}

/** Records who attended (registered employees only); the first recording marks the session held. */
export async function recordAttendance(ctx: ApiContext, campaignId: string, sessionId: string, input: AttendanceInput) {
  const session = await ctx.db.knowHowSession.findFirst({ where: { id: sessionId, campaignId } });
  if (!session) throw notFound(`Session ${sessionId} of campaign ${campaignId}`);
  const attended = [...new Set(input.attended)];
  const registered = new Set(
    (await ctx.db.sessionRegistration.findMany({ where: { sessionId, employeeId: { in: attended } }, select: { employeeId: true } })).map(
      (registration) => registration.employeeId,
    ),
  );
  const strangers = input.attended.map((employeeId, i) => ({ employeeId, i })).filter(({ employeeId }) => !registered.has(employeeId));
  if (strangers.length > 0) {
    throw new ApiError(
      422,
      'not_registered',
      'Attendance is recorded for registered employees only.',
      strangers.map(({ employeeId, i }) => ({ path: `attended.${i}`, message: `${employeeId} is not registered for this session` })),
    );
  }
  const held = await ctx.db.$transaction(async (tx) => {
    await tx.sessionRegistration.updateMany({ where: { sessionId, employeeId: { in: attended } }, data: { attended: true } });
    return tx.knowHowSession.update({ where: { id: sessionId }, data: { heldAt: session.heldAt ?? new Date() } });
  });
  const attendees = await ctx.db.sessionRegistration.count({ where: { sessionId, attended: true } });
  return { session: { ...sessionViewOf(held), attended: attendees } };
}
