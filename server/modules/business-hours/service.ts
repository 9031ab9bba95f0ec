import type { QueueHours, QueueHoursSettings } from '../../../shared/schemas/business-hours';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { QueueStateService } from '../queue-state/service';
import { defaultHoursZone, loadQueueHours, saveQueueHours } from './repository';

/** Business hours per queue: read by all staff, replaced whole by administrators. */
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

  private defaultZone() {
    return defaultHoursZone(this.ctx.config.timeZone);
  }
}
