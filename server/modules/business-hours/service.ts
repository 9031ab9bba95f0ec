import type {
  CallbackList,
  CallbackRequest,
  QueueHours,
  QueueHoursSettings,
} from '../../../shared/schemas/business-hours';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { QueueStateService } from '../queue-state/service';
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

  /** The callback requests left after hours that nobody has done yet. */
  async openCallbacks(): Promise<CallbackList> {
    return { callbacks: await loadOpenCallbacks(this.ctx.db) };
  }

  /** Someone called the citizen back. Idempotent: done twice is done once, by the first. */
  async completeCallback(id: string, by: User): Promise<CallbackRequest> {
    await completeCallback(this.ctx.db, { id, by: by.id, at: this.ctx.clock.now() });
    const callback = await loadCallback(this.ctx.db, id);
    if (!callback) throw new AppError('not_found', 'No callback request with this id.');
    return callback;
  }

  private defaultZone() {
    return defaultHoursZone(this.ctx.config.timeZone);
  }
}
