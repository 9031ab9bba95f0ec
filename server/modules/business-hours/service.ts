import type {
  CallbackList,
  CallbackRequest,
  QueueHours,
  QueueHoursSettings,
} from '../../../shared/schemas/business-hours';
import { mayWorkCallback } from '../../../shared/domain/team-scope';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { QueueStateService } from '../queue-state/service';
import { asTeamMember, loadTeamDirectory, loadTeamMember } from '../team-lead/directory';
import {
  completeCallback,
  defaultHoursZone,
  loadCallback,
  loadOpenCallbacks,
  loadQueueHours,
  saveQueueHours,
} from './repository';

/**
 * Business hours per queue (read by all staff, replaced whole by administrators), and the callback
 * requests closed queues leave behind.
 */
export class BusinessHoursService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly queueState: QueueStateService,
  ) {}

  async hours(queueId: string): Promise<QueueHours> {
    const hours = await loadQueueHours(this.ctx.db, queueId, this.defaultZone());
    if (!hours) throw new AppError('not_found', `No queue ${queueId}.`);
    return hours;
  }

  /**
   * Replaces a queue's hours. Takes effect for contacts arriving from now on: contacts already
   * waiting keep waiting when this closes the queue (docs/routing.md §2a).
   */
  async replace(queueId: string, settings: QueueHoursSettings, by: User): Promise<QueueHours> {
    const at = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      const queue = await trx
        .selectFrom('queues')
        .select('id')
        .where('id', '=', queueId)
        .executeTakeFirst();
      if (!queue) throw new AppError('not_found', `No queue ${queueId}.`);
      await saveQueueHours(trx, { queueId, settings, by: by.id, at });
    });
    this.ctx.log.info(
      { queueId, isAlwaysOpen: settings.isAlwaysOpen, by: by.id },
      'queue hours replaced',
    );
    // The queue list shows open or closed, and when that changes next.
    void this.queueState.changed();
    return this.hours(queueId);
  }

  /**
   * The callback requests left after hours that nobody has done yet, of the queues the viewer
   * works callbacks of (`mayWorkCallback`: a lead's or agent's team's queues; all for admins).
   */
  async openCallbacks(viewer: User): Promise<CallbackList> {
    const { db } = this.ctx;
    if (viewer.role === 'admin') return { callbacks: await loadOpenCallbacks(db) };
    const [member, directory, queues] = await Promise.all([
      loadTeamMember(db, viewer.id),
      loadTeamDirectory(db),
      db.selectFrom('queues').select('id').execute(),
    ]);
    const reader = member ?? asTeamMember(viewer);
    const queueIds = queues
      .map((queue) => queue.id)
      .filter((queueId) => mayWorkCallback(reader, queueId, directory));
    return { callbacks: await loadOpenCallbacks(db, queueIds) };
  }

  /**
   * Someone called the citizen back. Idempotent: done twice is done once, by the first. A
   * request of a queue the caller does not work callbacks of is refused with nothing written.
   */
  async completeCallback(id: string, by: User): Promise<CallbackRequest> {
    const { db } = this.ctx;
    await db.transaction().execute(async (trx) => {
      const [found, member, directory] = await Promise.all([
        loadCallback(trx, id),
        loadTeamMember(trx, by.id),
        loadTeamDirectory(trx),
      ]);
      if (!found) throw new AppError('not_found', 'No callback request with this id.');
      if (!mayWorkCallback(member ?? asTeamMember(by), found.queueId, directory)) {
        throw new AppError('forbidden', "This callback is for another team's queue.");
      }
      await completeCallback(trx, { id, by: by.id, at: this.ctx.clock.now() });
    });
    const callback = await loadCallback(db, id);
    if (!callback) throw new AppError('not_found', 'No callback request with this id.');
    return callback;
  }

  private defaultZone() {
    return defaultHoursZone(this.ctx.config.timeZone);
  }
}
