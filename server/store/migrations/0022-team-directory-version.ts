import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/** The counter row every node compares its cached team directory against. */
export const TEAM_DIRECTORY_COUNTER = 'team-directory';

/**
 * Every node keeps the team directory (which teams have a lead, which teams serve which queue;
 * server/modules/team-lead/directory.ts) in memory and reads it again only when this counter has
 * moved. Triggers move it on any change to users' roles or teams and to team_queues, whoever
 * makes it (a service, a seed, another node, an operator's SQL), in the writer's own transaction:
 * no change can commit without it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name: TEAM_DIRECTORY_COUNTER, value: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function team_directory_changed() returns trigger language plpgsql as $$
      begin
        update counters set value = value + 1 where name = 'team-directory';
        return null;
      end $$`.execute(db);
    await sql`
      create trigger users_team_directory after insert or delete or update of role, team_id
      on users for each statement execute function team_directory_changed()`.execute(db);
    await sql`
      create trigger team_queues_team_directory after insert or delete or update
      on team_queues for each statement execute function team_directory_changed()`.execute(db);
    return;
  }
  const bump = `begin update counters set value = value + 1 where name = 'team-directory'; end`;
  for (const [name, event] of [
    ['users_team_directory_insert', 'after insert on users'],
    ['users_team_directory_delete', 'after delete on users'],
    ['users_team_directory_update', 'after update of role, team_id on users'],
    ['team_queues_team_directory_insert', 'after insert on team_queues'],
    ['team_queues_team_directory_delete', 'after delete on team_queues'],
    ['team_queues_team_directory_update', 'after update on team_queues'],
  ] as const) {
    await sql.raw(`create trigger ${name} ${event} for each row ${bump}`).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger team_queues_team_directory on team_queues`.execute(db);
    await sql`drop trigger users_team_directory on users`.execute(db);
    await sql`drop function team_directory_changed()`.execute(db);
  } else {
    for (const name of [
      'users_team_directory_insert',
      'users_team_directory_delete',
      'users_team_directory_update',
      'team_queues_team_directory_insert',
      'team_queues_team_directory_delete',
      'team_queues_team_directory_update',
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  await db.deleteFrom('counters').where('name', '=', TEAM_DIRECTORY_COUNTER).execute();
}
