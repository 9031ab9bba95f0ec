import { linearScript } from '../../shared/domain/guided-script';
import { TRAINEE_CAPS } from '../../shared/domain/capacity';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../modules/auth/service';
import type { Database } from '../store/schema';
import { DEFAULT_SEGMENTS, DEFAULT_WRAPUP_CODES, GENERAL_QUEUE, GENERAL_TOPIC } from './base-data';
import {
  DEMO_PASSWORD,
  DEMO_QUEUES,
  DEMO_SCRIPTS,
  DEMO_SCRIPT_DEFINITIONS,
  DEMO_TEAM,
  DEMO_TOPICS,
  DEMO_USERS,
} from './demo-data';

async function isDone(db: Kysely<Database>, key: string): Promise<boolean> {
  return (
    (await db.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst()) !==
    undefined
  );
}

async function markDone(db: Kysely<Database>, key: string, at: number): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value: String(at) })
    .execute();
}

/** Segments, the general topic and queue, wrap-up codes: every instance needs them. Idempotent. */
export async function seedBaseData(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (await isDone(trx, 'seed:base')) return false;
    await trx
      .insertInto('segments')
      .values(
        DEFAULT_SEGMENTS.map((s) => ({
          code: s.code,
          priority: s.priority,
          target_answer_ms: s.targetAnswerMs,
        })),
      )
      .execute();
    await trx
      .insertInto('topics')
      .values({
        code: GENERAL_TOPIC.code,
        label_id: GENERAL_TOPIC.labelId,
        label_en: GENERAL_TOPIC.labelEn,
      })
      .execute();
    await trx
      .insertInto('queues')
      .values({ ...GENERAL_QUEUE, channels: JSON.stringify(GENERAL_QUEUE.channels) })
      .execute();
    await trx
      .insertInto('wrapup_codes')
      .values(
        DEFAULT_WRAPUP_CODES.map((w, index) => ({
          code: w.code,
          label_id: w.labelId,
          label_en: w.labelEn,
          needs_follow_up: w.needsFollowUp ? 1 : 0,
          sort: index,
        })),
      )
      .execute();
    await markDone(trx, 'seed:base', now);
    return true;
  });
}

/** The demo organisation and its users (password `demo1234`). Idempotent. */
export async function seedDemoData(db: Kysely<Database>, now: number): Promise<boolean> {
  if (await isDone(db, 'seed:demo')) return false;
  // Hash outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    if (await isDone(trx, 'seed:demo')) return false;
    await trx.insertInto('teams').values(DEMO_TEAM).execute();
    await trx
      .insertInto('topics')
      .values(DEMO_TOPICS.map((t) => ({ code: t.code, label_id: t.labelId, label_en: t.labelEn })))
      .execute();
    await trx
      .insertInto('queues')
      .values(
        DEMO_QUEUES.map((q) => ({
          id: q.id,
          name: q.name,
          topic: q.topic,
          channels: JSON.stringify(q.channels),
          sort: q.sort,
          after_contact_work_ms: q.afterContactWorkMs,
          overflow_after_ms: q.overflowAfterMs,
          overflow_topics: JSON.stringify(q.overflowTopics),
        })),
      )
      .execute();
    await trx
      .insertInto('scripts')
      .values(
        DEMO_SCRIPTS.map((s) => ({
          id: s.id,
          topic: s.topic,
          title: s.title,
          steps: JSON.stringify(s.steps),
        })),
      )
      .execute();
    await trx
      .insertInto('script_versions')
      .values(
        DEMO_SCRIPTS.map((s) => ({
          script_id: s.id,
          version: 1,
          status: 'published',
          title: s.title,
          definition: JSON.stringify(DEMO_SCRIPT_DEFINITIONS[s.id] ?? linearScript(s.steps)),
          created_by: null,
          created_at: now,
          updated_at: now,
          published_at: now,
        })),
      )
      .execute();
    for (const user of DEMO_USERS) {
      await insertUser(trx, { ...user, passwordHash, teamId: DEMO_TEAM.id, now });
    }
    await markDone(trx, 'seed:demo', now);
    return true;
  });
}

/** With DEMO=off: the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD, once. */
export async function ensureAdministrator(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: number,
): Promise<boolean> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute((trx) =>
    insertUser(trx, {
      username,
      displayName: 'Administrator',
      role: 'admin',
      isTrainee: false,
      skills: {},
      passwordHash,
      teamId: null,
      now,
    }),
  );
  return true;
}

export async function insertUser(
  trx: Kysely<Database>,
  user: {
    username: string;
    displayName: string;
    role: string;
    isTrainee: boolean;
    skills: Record<string, number>;
    passwordHash: string;
    teamId: string | null;
    now: number;
  },
): Promise<void> {
  const id = randomUUID();
  await trx
    .insertInto('users')
    .values({
      id,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      is_trainee: user.isTrainee ? 1 : 0,
      team_id: user.teamId,
      password_hash: user.passwordHash,
      created_at: user.now,
    })
    .execute();
  if (user.role === 'agent') {
    await trx
      .insertInto('agent_states')
      .values({
        user_id: id,
        presence: 'offline',
        presence_since: user.now,
        idle_since: user.now,
        missed_offers: 0,
        version: 0,
        // A trainee starts with one chat and two e-mails at a time; a lead raises it later.
        ...(user.isTrainee ? { cap_chat: TRAINEE_CAPS.chat, cap_email: TRAINEE_CAPS.email } : {}),
      })
      .execute();
    const skills = Object.entries(user.skills).map(([topic, level]) => ({
      user_id: id,
      topic,
      level,
    }));
    if (skills.length > 0) await trx.insertInto('agent_skills').values(skills).execute();
  }
}
