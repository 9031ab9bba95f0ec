/**
 * Announcing a publication: the notice is written in the publishing transaction (so there is never
 * a published version without its notice, nor a notice of a publication that rolled back), and
 * pushed to everyone online only after that transaction commits.
 *
 * Any module that publishes something agents must know of calls both:
 *
 * ```ts
 * const notice = await db.transaction().execute(async (trx) => {
 *   // ... flip the version to published ...
 *   return announce(trx, { kind: 'script', itemId, version, title, topic, whatChanged: note ?? null,
 *     publishedBy: actor, publishedAt: now, mustRead });
 * });
 * publishNotice(ctx.publisher, notice);
 * ```
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayMarkMustRead, type NoticeKind } from '../../../shared/domain/publications';
import type { PublicationNotice } from '../../../shared/schemas/publication';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import type { Publisher } from '../../realtime/publisher';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';

export interface Announcement {
  kind: NoticeKind;
  /** The answer's or script's id. */
  itemId: string;
  version: number;
  title: string;
  topic: string;
  /** One line for the banner: the publisher's note, or null. */
  whatChanged: string | null;
  publishedBy: Pick<User, 'id' | 'displayName' | 'role'>;
  publishedAt: number;
  /** Administrators only; anyone else asking gets `forbidden` and the transaction rolls back. */
  mustRead?: boolean | undefined;
}

export const MUST_READ_FORBIDDEN = 'Only an administrator may mark a change must-read.';

/** Records the notice of a publication inside the publishing transaction `trx`. */
export async function announce(
  trx: Kysely<Database>,
  announcement: Announcement,
): Promise<PublicationNotice> {
  const mustRead = announcement.mustRead === true;
  if (mustRead && !mayMarkMustRead(announcement.publishedBy.role)) {
    throw new AppError('forbidden', MUST_READ_FORBIDDEN);
  }
  const id = randomUUID();
  const whatChanged = announcement.whatChanged?.trim() || null;
  await trx
    .insertInto('publication_notices')
    .values({
      id,
      kind: announcement.kind,
      item_id: announcement.itemId,
      version: announcement.version,
      title: announcement.title,
      topic: announcement.topic,
      what_changed: whatChanged,
      published_at: announcement.publishedAt,
      published_by: announcement.publishedBy.id,
      must_read: mustRead ? 1 : 0,
      must_read_by: mustRead ? announcement.publishedBy.id : null,
      must_read_at: mustRead ? announcement.publishedAt : null,
      revision: 0,
    })
    .execute();
  return {
    id,
    kind: announcement.kind,
    itemId: announcement.itemId,
    version: announcement.version,
    title: announcement.title,
    topic: announcement.topic,
    whatChanged,
    publishedAt: announcement.publishedAt,
    publishedByName: announcement.publishedBy.displayName,
    mustRead,
    revision: 0,
  };
}

/** Everyone who works from the knowledge base and scripts: agents, leads (and admins), trainers. */
export const NOTICE_AUDIENCE = [rooms.agents, rooms.leads, rooms.trainers];

/** Pushes a committed notice to everyone online. Call after the transaction of `announce`. */
export function publishNotice(publisher: Publisher, notice: PublicationNotice): void {
  publisher.publish(NOTICE_AUDIENCE, 'notice:published', notice);
}
