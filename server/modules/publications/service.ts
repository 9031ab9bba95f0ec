import {
  RECENT_NOTICE_MS,
  mayAcknowledge,
  mayMarkMustRead,
  mayViewReadership,
  orderReaders,
} from '../../../shared/domain/publications';
import type {
  MyNotice,
  MyNotices,
  PublicationNotice,
  ReadershipList,
} from '../../../shared/schemas/publication';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { MUST_READ_FORBIDDEN, NOTICE_AUDIENCE } from './announce';
import {
  agentsInCareOf,
  insertAcknowledgement,
  loadAcknowledgedAt,
  loadAcknowledgements,
  loadDeskNotices,
  loadLatestNotices,
  loadNotice,
  overseersOf,
} from './repository';

/** The readership view covers the latest notices; older ones are history. */
const READERSHIP_NOTICES = 30;

/**
 * What was published and who has read it: an agent's desk notices and acknowledgements, an
 * administrator's must-read mark, the leads' view of their agents' reading.
 */
export class PublicationService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The notices on an agent's desk: must-read ones until acknowledged, others for twelve hours. */
  async mine(agent: User): Promise<MyNotices> {
    if (!mayAcknowledge(agent.role)) throw new AppError('forbidden', 'Notices are for agents.');
    const since = this.ctx.clock.now() - RECENT_NOTICE_MS;
    return { notices: await loadDeskNotices(this.ctx.db, agent.id, since) };
  }

  /**
   * The agent has read the notice. Idempotent: a repeat answers the first moment and tells nobody
   * again. Committed before it is answered, then told to the agent's other tabs and their leads.
   */
  async acknowledge(agent: User, noticeId: string): Promise<MyNotice> {
    if (!mayAcknowledge(agent.role)) {
      throw new AppError('forbidden', 'Only agents acknowledge notices.');
    }
    const { db, clock } = this.ctx;
    const now = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const notice = await loadNotice(trx, noticeId);
      if (!notice) throw new AppError('not_found', 'No such notice.');
      const isNew = await insertAcknowledgement(trx, noticeId, agent.id, now);
      const acknowledgedAt = isNew ? now : await loadAcknowledgedAt(trx, noticeId, agent.id);
      return { notice, acknowledgedAt: acknowledgedAt ?? now, isNew };
    });
    if (result.isNew) {
      const overseers = await overseersOf(db, agent.id);
      this.ctx.publisher.publish(
        [rooms.user(agent.id), ...overseers.map(rooms.user)],
        'notice:acknowledged',
        {
          noticeId,
          agentId: agent.id,
          agentName: agent.displayName,
          acknowledgedAt: result.acknowledgedAt,
        },
      );
    }
    return { ...result.notice, acknowledgedAt: result.acknowledgedAt };
  }

  /**
   * Marks a published change must-read (or takes the mark off). Setting what is already set
   * changes nothing and pushes nothing.
   */
  async markMustRead(admin: User, noticeId: string, mustRead: boolean): Promise<PublicationNotice> {
    if (!mayMarkMustRead(admin.role)) throw new AppError('forbidden', MUST_READ_FORBIDDEN);
    const { db, clock } = this.ctx;
    const { notice, isChanged } = await db.transaction().execute(async (trx) => {
      const current = await loadNotice(trx, noticeId);
      if (!current) throw new AppError('not_found', 'No such notice.');
      if (current.mustRead === mustRead) return { notice: current, isChanged: false };
      const updated = await trx
        .updateTable('publication_notices')
        .set({
          must_read: mustRead ? 1 : 0,
          must_read_by: mustRead ? admin.id : null,
          must_read_at: mustRead ? clock.now() : null,
          revision: current.revision + 1,
        })
        .where('id', '=', noticeId)
        .where('revision', '=', current.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new AppError('conflict', 'Someone else changed this notice; reload it.');
      }
      return {
        notice: { ...current, mustRead, revision: current.revision + 1 },
        isChanged: true,
      };
    });
    if (isChanged) this.ctx.publisher.publish(NOTICE_AUDIENCE, 'notice:changed', notice);
    return notice;
  }

  /**
   * The latest notices, each with the agents the viewer answers for (a lead: their team's; an
   * administrator: everyone), those who acknowledged first.
   */
  async readership(viewer: User): Promise<ReadershipList> {
    if (!mayViewReadership(viewer.role)) {
      throw new AppError('forbidden', 'Leads and administrators see who has read a notice.');
    }
    const { db } = this.ctx;
    const [notices, agents] = await Promise.all([
      loadLatestNotices(db, READERSHIP_NOTICES),
      agentsInCareOf(db, { role: viewer.role, teamId: viewer.teamId }),
    ]);
    const acks = await loadAcknowledgements(
      db,
      notices.map((n) => n.id),
    );
    const acknowledged = new Map(acks.map((a) => [`${a.noticeId}:${a.agentId}`, a.acknowledgedAt]));
    return {
      notices: notices.map((notice) => ({
        ...notice,
        readers: orderReaders(
          agents.map((agent) => ({
            agentId: agent.id,
            displayName: agent.displayName,
            acknowledgedAt: acknowledged.get(`${notice.id}:${agent.id}`) ?? null,
          })),
        ),
      })),
    };
  }
}
