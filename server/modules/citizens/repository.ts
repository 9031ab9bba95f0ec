import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { prefixUpperBound, nameTerms, type CitizenQuery } from '../../domain/citizen-search';
import type { CitizenAddress, ProfileAccessAction } from '../../../shared/schemas/citizen';
import type { Channel } from '../../../shared/schemas/common';
import type { ContactStatus, PreviousContact } from '../../../shared/schemas/contact';
import type { Database } from '../../store/schema';
import { loadProvenance } from '../outcomes/provenance';

/**
 * The profile an address belongs to. A profile merged into another answers with the one it was
 * merged into (its addresses moved there too; this covers a race with the merge).
 */
export async function findCitizenByAddress(db: Kysely<Database>, address: string) {
  const row = await db
    .selectFrom('citizen_addresses')
    .innerJoin('citizens', 'citizens.id', 'citizen_addresses.citizen_id')
    .selectAll('citizens')
    .where('citizen_addresses.address', '=', address)
    .executeTakeFirst();
  if (!row?.merged_into) return row;
  return db.selectFrom('citizens').selectAll().where('id', '=', row.merged_into).executeTakeFirst();
}

const TIMELINE_LIMIT = 100;

/**
 * A citizen's contacts, newest first, with their outcomes and what each rests on (all but
 * `exceptContactId`).
 */
export async function loadCitizenTimeline(
  db: Kysely<Database>,
  citizenId: string,
  options: { limit?: number; exceptContactId?: string } = {},
): Promise<PreviousContact[]> {
  let query = db
    .selectFrom('contacts')
    .leftJoin('users', 'users.id', 'contacts.assigned_agent_id')
    .leftJoin('outcomes', 'outcomes.contact_id', 'contacts.id')
    .select([
      'contacts.id',
      'contacts.reference',
      'contacts.channel',
      'contacts.topic',
      'contacts.arrived_at',
      'contacts.status',
      'contacts.abandoned_at',
      'contacts.closed_reason',
      'users.display_name as agent_name',
      'outcomes.id as outcome_id',
      'outcomes.script_id',
      'outcomes.script_version',
      'outcomes.script_path',
      'outcomes.wrapup_code',
      'outcomes.notes',
      'outcomes.created_at as outcome_at',
    ])
    .where('contacts.citizen_id', '=', citizenId);
  if (options.exceptContactId !== undefined) {
    query = query.where('contacts.id', '!=', options.exceptContactId);
  }
  const rows = await query
    .orderBy('contacts.arrived_at', 'desc')
    .limit(options.limit ?? TIMELINE_LIMIT)
    .execute();
  const provenance = await loadProvenance(
    db,
    rows.flatMap((row) => (row.outcome_id === null ? [] : [{ ...row, id: row.outcome_id }])),
  );
  return rows.map((p) => ({
    id: p.id,
    reference: p.reference,
    channel: p.channel as Channel,
    topic: p.topic,
    arrivedAt: p.arrived_at,
    status: p.status as ContactStatus,
    agentName: p.agent_name,
    isAbandoned: p.abandoned_at !== null,
    isAfterHours: p.closed_reason === 'after_hours',
    outcome:
      p.wrapup_code !== null && p.outcome_at !== null
        ? {
            wrapupCode: p.wrapup_code,
            notes: p.notes ?? '',
            createdAt: p.outcome_at,
            provenance: p.outcome_id === null ? undefined : provenance.get(p.outcome_id),
          }
        : null,
  }));
}

export async function recordProfileAccess(
  db: Kysely<Database>,
  entry: {
    citizenId: string;
    viewerId: string;
    at: number;
    action: Exclude<ProfileAccessAction, 'caller_panel'>;
    reason: string;
  },
): Promise<void> {
  await db
    .insertInto('profile_views')
    .values({
      id: randomUUID(),
      citizen_id: entry.citizenId,
      viewer_id: entry.viewerId,
      at: entry.at,
      action: entry.action,
      reason: entry.reason,
    })
    .execute();
}

/**
 * Caller panels shown beside conversations, one entry per viewer, conversation and citizen:
 * an entry already there (the desk reloaded, a second tab, a reconnect) is left as it is.
 */
export async function recordCallerPanelViews(
  db: Kysely<Database>,
  entries: readonly {
    citizenId: string;
    contactId: string;
    viewerId: string;
    at: number;
    reason: string;
  }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('profile_views')
    .values(
      entries.map((entry) => ({
        id: randomUUID(),
        citizen_id: entry.citizenId,
        viewer_id: entry.viewerId,
        contact_id: entry.contactId,
        at: entry.at,
        action: 'caller_panel',
        reason: entry.reason,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['viewer_id', 'contact_id', 'citizen_id'])
        .where('action', '=', sql.lit('caller_panel'))
        .doNothing(),
    )
    .execute();
}

/** Keeps the search index of a profile's name in step with the name. */
export async function indexCitizenName(
  db: Kysely<Database>,
  citizenId: string,
  name: string,
): Promise<void> {
  await db.deleteFrom('citizen_name_terms').where('citizen_id', '=', citizenId).execute();
  const terms = nameTerms(name);
  if (terms.length === 0) return;
  await db
    .insertInto('citizen_name_terms')
    .values(terms.map((term) => ({ term, citizen_id: citizenId })))
    .execute();
}

const CITIZEN_COLUMNS = [
  'citizens.id',
  'citizens.name',
  'citizens.segment',
  'citizens.is_segment_verified',
  'citizens.organisation',
  'citizens.nik',
] as const;

/**
 * Profiles (not merged away) matching the query, at most `limit`, by name. Every branch is an
 * index lookup: the NIK and addresses whole; a name by walking the word index in order over
 * the range of its longest word (each other word checked on the profile's own few words), so
 * the database stops after `limit` matches instead of reading and sorting every "Siti" there
 * is. Which ones of a common name are shown is arbitrary either way: the lead types more.
 */
export async function findCitizens(db: Kysely<Database>, query: CitizenQuery, limit: number) {
  if (query.kind === 'name') {
    const [leading, ...others] = [...query.terms].sort((a, b) => b.length - a.length);
    const bound = prefixUpperBound(leading!);
    let walk = db
      .selectFrom('citizen_name_terms as word')
      .innerJoin('citizens', 'citizens.id', 'word.citizen_id')
      .select(CITIZEN_COLUMNS)
      .where('word.term', '>=', leading!)
      .where('citizens.merged_into', 'is', null);
    if (bound !== null) walk = walk.where('word.term', '<', bound);
    for (const term of others) {
      const otherBound = prefixUpperBound(term);
      walk = walk.where((eb) => {
        let other = eb
          .selectFrom('citizen_name_terms as other')
          .select('other.term')
          .whereRef('other.citizen_id', '=', 'citizens.id')
          .where('other.term', '>=', term);
        if (otherBound !== null) other = other.where('other.term', '<', otherBound);
        return eb.exists(other);
      });
    }
    const rows = await walk
      .orderBy('word.term')
      .orderBy('word.citizen_id')
      // A name with two words starting alike ("Siti Sitiawati") comes once per word.
      .limit(limit * 2)
      .execute();
    const once = [...new Map(rows.map((row) => [row.id, row])).values()].slice(0, limit);
    return once.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id));
  }
  let select = db
    .selectFrom('citizens')
    .select(CITIZEN_COLUMNS)
    .where('citizens.merged_into', 'is', null);
  if (query.kind === 'nik') {
    select = select.where('citizens.nik', '=', query.nik);
  } else {
    const addresses = query.kind === 'handle' ? query.addresses : [query.address];
    select = select.where('citizens.id', 'in', (eb) =>
      eb
        .selectFrom('citizen_addresses')
        .select('citizen_addresses.citizen_id')
        .where('citizen_addresses.address', 'in', addresses),
    );
  }
  return select.orderBy('citizens.name').orderBy('citizens.id').limit(limit).execute();
}

/** Every address of these profiles, oldest first, by profile. */
export async function loadCitizenAddresses(
  db: Kysely<Database>,
  citizenIds: readonly string[],
): Promise<Map<string, CitizenAddress[]>> {
  const byCitizen = new Map<string, CitizenAddress[]>();
  if (citizenIds.length === 0) return byCitizen;
  const rows = await db
    .selectFrom('citizen_addresses')
    .select(['citizen_id', 'address', 'kind'])
    .where('citizen_id', 'in', citizenIds)
    .orderBy('created_at')
    .orderBy('address')
    .execute();
  for (const row of rows) {
    const list = byCitizen.get(row.citizen_id) ?? [];
    list.push({ address: row.address, kind: row.kind as CitizenAddress['kind'] });
    byCitizen.set(row.citizen_id, list);
  }
  return byCitizen;
}

/** How many contacts each profile has and when the last one arrived. */
export async function loadContactTotals(
  db: Kysely<Database>,
  citizenIds: readonly string[],
): Promise<Map<string, { count: number; lastAt: number | null }>> {
  const totals = new Map<string, { count: number; lastAt: number | null }>();
  if (citizenIds.length === 0) return totals;
  const rows = await db
    .selectFrom('contacts')
    .select((eb) => [
      'contacts.citizen_id',
      eb.fn.countAll<number>().as('count'),
      eb.fn.max('contacts.arrived_at').as('last_at'),
    ])
    .where('contacts.citizen_id', 'in', citizenIds)
    .groupBy('contacts.citizen_id')
    .execute();
  for (const row of rows) {
    totals.set(row.citizen_id, { count: Number(row.count), lastAt: row.last_at ?? null });
  }
  return totals;
}
