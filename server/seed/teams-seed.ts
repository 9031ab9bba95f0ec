import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { DEMO_TEAM } from './demo-data';
import { insertUser } from './seed';
import { demoPasswordHash, seedOnce } from './seed-once';

/**
 * A second demo team with its own lead and agents, so the team boundary is real in the demo: Tim
 * Layanan 1 (lead1) serves social assistance, civil registration, health and taxation; Tim
 * Layanan 2 (lead2) education.
 */
export const DEMO_SECOND_TEAM = { id: 'team-layanan-2', name: 'Tim Layanan 2' };

export const DEMO_TEAM_QUEUES: Record<string, string[]> = {
  [DEMO_TEAM.id]: [
    'q-bansos-suara',
    'q-bansos-digital',
    'q-adminduk',
    'q-kesehatan',
    'q-pajak-digital',
    'q-pajak-suara',
  ],
  [DEMO_SECOND_TEAM.id]: ['q-pendidikan'],
};

export const DEMO_SECOND_TEAM_USERS: {
  username: string;
  displayName: string;
  role: 'agent' | 'lead';
  skills: Record<string, number>;
}[] = [
  { username: 'lead2', displayName: 'Sri Handayani', role: 'lead', skills: {} },
  {
    username: 'agent3',
    displayName: 'Yohanes Manurung',
    role: 'agent',
    skills: { pendidikan: 4, umum: 3 },
  },
  {
    username: 'agent4',
    displayName: 'Nur Aini',
    role: 'agent',
    skills: { pendidikan: 3, umum: 2 },
  },
];

/** Demo queue thresholds: more than five waiting, or anyone waiting over three minutes. */
const DEMO_THRESHOLD = { max_waiting: 5, max_wait_ms: 3 * 60_000 };

const SEED_KEY = 'seed:demo-teams';

/** With DEMO=on, after the demo organisation: the second team and who serves what, once. */
export async function seedDemoTeams(db: Kysely<Database>, now: number): Promise<boolean> {
  const passwordHash = await demoPasswordHash(db);
  return seedOnce(db, SEED_KEY, now, async (trx) => {
    await trx.insertInto('teams').values(DEMO_SECOND_TEAM).execute();
    for (const user of DEMO_SECOND_TEAM_USERS) {
      await insertUser(trx, {
        ...user,
        isTrainee: false,
        passwordHash,
        teamId: DEMO_SECOND_TEAM.id,
        now,
      });
    }
    const queueIds = new Set(
      (await trx.selectFrom('queues').select('id').execute()).map((row) => row.id),
    );
    for (const [teamId, queues] of Object.entries(DEMO_TEAM_QUEUES)) {
      const rows = queues
        .filter((queueId) => queueIds.has(queueId))
        .map((queueId) => ({ team_id: teamId, queue_id: queueId }));
      if (rows.length > 0) await trx.insertInto('team_queues').values(rows).execute();
    }
    const thresholds = [...queueIds].map((queueId) => ({
      queue_id: queueId,
      ...DEMO_THRESHOLD,
      updated_by: null,
      updated_at: now,
    }));
    if (thresholds.length > 0) {
      await trx.insertInto('queue_alert_thresholds').values(thresholds).execute();
    }
  });
}
