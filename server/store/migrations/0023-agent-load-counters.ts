import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const COUNTER_COLUMNS = ['held_voice', 'held_chat', 'held_email'] as const;

/** The counter row every node compares its cached agent skills against. */
export const AGENT_SKILLS_COUNTER = 'agent-skills';

/** The work class of a contact's channel, as shared/domain/capacity.ts `workClassOf` has it. */
function heldColumnsDelta(row: 'new' | 'old', sign: '+' | '-'): string {
  return `held_voice = held_voice ${sign} (case when ${row}.channel = 'voice' then 1 else 0 end),
      held_email = held_email ${sign} (case when ${row}.channel = 'email' then 1 else 0 end),
      held_chat = held_chat ${sign} (case when ${row}.channel in ('voice', 'email') then 0 else 1 end)`;
}

/** Recounts one agent's counters from the rows they summarise (`target` names the agent). */
function recount(target: string): string {
  return `held_voice = (select count(*) from contacts where contacts.assigned_agent_id = ${target}
        and contacts.status = 'active' and contacts.channel = 'voice'),
      held_email = (select count(*) from contacts where contacts.assigned_agent_id = ${target}
        and contacts.status = 'active' and contacts.channel = 'email'),
      held_chat = (select count(*) from contacts where contacts.assigned_agent_id = ${target}
        and contacts.status = 'active' and contacts.channel not in ('voice', 'email'))`;
}

/**
 * What each agent holds now (active conversations per kind of work), kept on their agent_states
 * row. Routing reads it on every pass for every Available agent; counting contacts per agent
 * there was the most expensive statement of the offer path (docs/performance.md). Triggers keep
 * it true on any change to contacts, whoever makes it (a service, another node, an operator's
 * SQL), in the writer's own transaction, so a check made after `lockAgent` sees exactly what a
 * count would. The trigger updates the holder's row, which a change to a held contact's holder
 * or status locks anyway in practice (`lockAgent` before giving or taking work).
 * Pending offers are not counted this way: resolving an offer (expiry, rescind, reject) would
 * then lock the agent's row after the offer's, the reverse of an accept's order (`lockAgent`,
 * then the offer), and the two deadlock on PostgreSQL; routing asks the unique index of pending
 * offers per agent instead.
 *
 * Also: a counter moved by any change to agent_skills, so each node can keep the skills routing
 * reads on every pass in memory and read them again only after a change (the team directory's way,
 * migration 0022); and an index for routing's recent cold transfers, which scanned every event.
 */
export async function up(db: AnyDb): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name: AGENT_SKILLS_COUNTER, value: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await db.schema
    .createIndex('contact_events_kind_at_idx')
    .on('contact_events')
    .columns(['kind', 'at'])
    .execute();
  for (const column of COUNTER_COLUMNS) {
    await db.schema
      .alterTable('agent_states')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await sql.raw(`update agent_states set ${recount('agent_states.user_id')}`).execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function agent_load_contacts_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status = 'active'
            and old.assigned_agent_id is not null then
          update agent_states set
            held_voice = held_voice - (case when old.channel = 'voice' then 1 else 0 end),
            held_email = held_email - (case when old.channel = 'email' then 1 else 0 end),
            held_chat = held_chat - (case when old.channel in ('voice', 'email') then 0 else 1 end)
          where user_id = old.assigned_agent_id;
        end if;
        if tg_op in ('UPDATE', 'INSERT') and new.status = 'active'
            and new.assigned_agent_id is not null then
          update agent_states set
            held_voice = held_voice + (case when new.channel = 'voice' then 1 else 0 end),
            held_email = held_email + (case when new.channel = 'email' then 1 else 0 end),
            held_chat = held_chat + (case when new.channel in ('voice', 'email') then 0 else 1 end)
          where user_id = new.assigned_agent_id;
        end if;
        return null;
      end $$`.execute(db);
    // Only a change to who holds it, its status or its channel can move a count.
    await sql`
      create trigger contacts_agent_load after insert or delete
        or update of status, assigned_agent_id, channel
      on contacts for each row execute function agent_load_contacts_changed()`.execute(db);
    // A state row made for someone who already holds work (rare: rows are made with the user).
    await sql
      .raw(
        `
      create function agent_load_state_inserted() returns trigger language plpgsql as $$
      begin
        select
          count(*) filter (where channel = 'voice'),
          count(*) filter (where channel = 'email'),
          count(*) filter (where channel not in ('voice', 'email'))
        into new.held_voice, new.held_email, new.held_chat
        from contacts where assigned_agent_id = new.user_id and status = 'active';
        return new;
      end $$`,
      )
      .execute(db);
    await sql`
      create trigger agent_states_load before insert on agent_states
      for each row execute function agent_load_state_inserted()`.execute(db);
    await sql`
      create function agent_skills_changed() returns trigger language plpgsql as $$
      begin
        update counters set value = value + 1 where name = 'agent-skills';
        return null;
      end $$`.execute(db);
    await sql`
      create trigger agent_skills_version after insert or delete or update
      on agent_skills for each statement execute function agent_skills_changed()`.execute(db);
    return;
  }
  const heldBy = (row: 'new' | 'old') =>
    `${row}.status = 'active' and ${row}.assigned_agent_id is not null`;
  const triggers: [name: string, event: string, body: string][] = [
    [
      'contacts_agent_load_insert',
      `after insert on contacts for each row when ${heldBy('new')}`,
      `update agent_states set ${heldColumnsDelta('new', '+')} where user_id = new.assigned_agent_id;`,
    ],
    [
      'contacts_agent_load_delete',
      `after delete on contacts for each row when ${heldBy('old')}`,
      `update agent_states set ${heldColumnsDelta('old', '-')} where user_id = old.assigned_agent_id;`,
    ],
    [
      'contacts_agent_load_update',
      `after update of status, assigned_agent_id, channel on contacts for each row
        when (${heldBy('old')}) or (${heldBy('new')})`,
      `update agent_states set ${heldColumnsDelta('old', '-')}
        where user_id = old.assigned_agent_id and ${heldBy('old')};
      update agent_states set ${heldColumnsDelta('new', '+')}
        where user_id = new.assigned_agent_id and ${heldBy('new')};`,
    ],
    [
      'agent_states_load_insert',
      `after insert on agent_states for each row`,
      `update agent_states set ${recount('new.user_id')} where user_id = new.user_id;`,
    ],
  ];
  const bumpSkills = `update counters set value = value + 1 where name = '${AGENT_SKILLS_COUNTER}';`;
  for (const event of ['insert', 'delete', 'update'] as const) {
    triggers.push([
      `agent_skills_version_${event}`,
      `after ${event} on agent_skills for each row`,
      bumpSkills,
    ]);
  }
  for (const [name, event, body] of triggers) {
    await sql.raw(`create trigger ${name} ${event} begin ${body} end`).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger agent_skills_version on agent_skills`.execute(db);
    await sql`drop function agent_skills_changed()`.execute(db);
    await sql`drop trigger agent_states_load on agent_states`.execute(db);
    await sql`drop trigger contacts_agent_load on contacts`.execute(db);
    await sql`drop function agent_load_state_inserted()`.execute(db);
    await sql`drop function agent_load_contacts_changed()`.execute(db);
  } else {
    for (const name of [
      'contacts_agent_load_insert',
      'contacts_agent_load_delete',
      'contacts_agent_load_update',
      'agent_states_load_insert',
      'agent_skills_version_insert',
      'agent_skills_version_delete',
      'agent_skills_version_update',
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  for (const column of [...COUNTER_COLUMNS].reverse()) {
    await db.schema.alterTable('agent_states').dropColumn(column).execute();
  }
  await db.schema.dropIndex('contact_events_kind_at_idx').execute();
  await db.deleteFrom('counters').where('name', '=', AGENT_SKILLS_COUNTER).execute();
}
