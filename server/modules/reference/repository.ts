import type { Kysely } from 'kysely';
import type { Channel, Role, SegmentCode } from '../../../shared/schemas/common';
import type { ReferenceData } from '../../../shared/schemas/reference-data';
import type { Database } from '../../store/schema';

export async function loadReferenceData(db: Kysely<Database>): Promise<ReferenceData> {
  const [segments, queues, topics, wrapupCodes, staff] = await Promise.all([
    db.selectFrom('segments').selectAll().orderBy('priority', 'desc').execute(),
    db.selectFrom('queues').selectAll().orderBy('sort').execute(),
    db.selectFrom('topics').selectAll().orderBy('label_id').execute(),
    db.selectFrom('wrapup_codes').selectAll().orderBy('sort').execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'is_trainee'])
      .orderBy('display_name')
      .execute(),
  ]);
  return {
    segments: segments.map((s) => ({
      code: s.code as SegmentCode,
      priority: s.priority,
      targetAnswerMs: s.target_answer_ms,
    })),
    queues: queues.map((q) => ({
      id: q.id,
      name: q.name,
      topic: q.topic,
      channels: JSON.parse(q.channels) as Channel[],
    })),
    topics: topics.map((t) => ({ code: t.code, labelId: t.label_id, labelEn: t.label_en })),
    wrapupCodes: wrapupCodes.map((w) => ({
      code: w.code,
      labelId: w.label_id,
      labelEn: w.label_en,
      needsFollowUp: w.needs_follow_up === 1,
    })),
    staff: staff.map((u) => ({
      id: u.id,
      displayName: u.display_name,
      role: u.role as Role,
      isTrainee: u.is_trainee === 1,
    })),
  };
}
