import { inboxesOf } from '../../domain/inboxes';
import { inboxPage } from '../../records/inbox';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';

/** The caller's inbox: messages to them by id and to each of their roles, newest first. */
export async function notificationsOf(ctx: ApiContext, principal: Principal, page: { limit: number; before?: string }) {
  return { notifications: await inboxPage(ctx.db, inboxesOf(principal), page) };
}
