import type {
  CitizenProfile,
  CitizenSearchResult,
  ProfileAccessAction,
  UpdateCitizenBody,
} from '../../../shared/schemas/citizen';
import { maskNik } from '../../../shared/schemas/citizen';
import type { SegmentCode } from '../../../shared/schemas/common';
import type { User } from '../../../shared/schemas/user';
import type { Kysely } from 'kysely';
import { readCitizenQuery } from '../../domain/citizen-search';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import {
  findCitizens,
  indexCitizenName,
  loadCitizenAddresses,
  loadCitizenTimeline,
  loadContactTotals,
  recordProfileAccess,
} from './repository';

/** Enough to pick the right person; more means the words typed were too few. */
const SEARCH_HITS_SHOWN = 20;
const ACCESS_LOG_SHOWN = 500;

/**
 * Citizen profiles. Personal data is for those who need it: an agent sees the profiles of the
 * citizens they are serving now; leads and administrators any, giving a reason; trainers none.
 * Every look at a profile, every reveal of the ID number, every change and merge is logged with
 * who, when and why (UU 27/2022 on personal data; docs/caller-context.md).
 */
export class CitizenService {
  constructor(private readonly ctx: ServiceContext) {}

  async profile(
    viewer: User,
    citizenId: string,
    reason: string | undefined,
  ): Promise<CitizenProfile> {
    const { db, clock } = this.ctx;
    const why = await this.accessReason(db, viewer, citizenId, reason);
    // Read and logged in one transaction: no profile leaves without its log entry.
    return db.transaction().execute(async (trx) => {
      const profile = await loadProfile(trx, citizenId);
      await recordProfileAccess(trx, {
        citizenId,
        viewerId: viewer.id,
        at: clock.now(),
        action: 'profile',
        reason: why,
      });
      return profile;
    });
  }

  /**
   * Leads and administrators find a citizen. What the results show (names, addresses, the
   * masked NIK) is personal data, so each profile listed is logged with the reason given, in
   * the transaction that read it. The query itself is not logged: it may hold a whole NIK, and
   * the log is shown to staff.
   */
  async search(viewer: User, text: string, reason: string): Promise<CitizenSearchResult> {
    if (viewer.role !== 'lead' && viewer.role !== 'admin') {
      throw new AppError(
        'forbidden',
        'Leads and administrators search citizens; agents open the caller of a conversation.',
      );
    }
    const reading = readCitizenQuery(text);
    if (!reading.isReadable) {
      throw new AppError(
        'invalid_payload',
        reading.problem === 'number_length'
          ? 'A number is a whole phone number (6 to 15 digits) or a whole NIK (16 digits).'
          : 'Type a name, a phone number, an e-mail address, a handle (@…) or a NIK.',
        [{ path: 'querystring.q', message: reading.problem }],
      );
    }
    const { db, clock } = this.ctx;
    return db.transaction().execute(async (trx) => {
      const rows = await findCitizens(trx, reading.query, SEARCH_HITS_SHOWN + 1);
      const shown = rows.slice(0, SEARCH_HITS_SHOWN);
      const ids = shown.map((row) => row.id);
      const [addresses, totals] = await Promise.all([
        loadCitizenAddresses(trx, ids),
        loadContactTotals(trx, ids),
      ]);
      const at = clock.now();
      for (const id of ids) {
        await recordProfileAccess(trx, {
          citizenId: id,
          viewerId: viewer.id,
          at,
          action: 'search',
          reason,
        });
      }
      return {
        matchedOn: reading.query.kind,
        hasMore: rows.length > SEARCH_HITS_SHOWN,
        hits: shown.map((row) => ({
          id: row.id,
          name: row.name,
          segment: row.segment as SegmentCode,
          isSegmentVerified: row.is_segment_verified === 1,
          organisation: row.organisation,
          nikMasked: maskNik(row.nik),
          addresses: addresses.get(row.id) ?? [],
          contactCount: totals.get(row.id)?.count ?? 0,
          lastContactAt: totals.get(row.id)?.lastAt ?? null,
        })),
      };
    });
  }

  async revealNik(
    viewer: User,
    citizenId: string,
    reason: string,
  ): Promise<{ nik: string | null }> {
    const { db, clock } = this.ctx;
    const why = await this.accessReason(db, viewer, citizenId, reason);
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('citizens')
        .select('nik')
        .where('id', '=', citizenId)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'No such citizen.');
      // Logged in the same transaction: no number is shown without its log entry.
      await recordProfileAccess(trx, {
        citizenId,
        viewerId: viewer.id,
        at: clock.now(),
        action: 'reveal_nik',
        reason: why,
      });
      return { nik: row.nik };
    });
  }

  async update(
    viewer: User,
    citizenId: string,
    change: UpdateCitizenBody,
    reason: string | undefined,
  ): Promise<CitizenProfile> {
    const { db, clock } = this.ctx;
    if (change.isSegmentVerified !== undefined && viewer.role === 'agent') {
      throw new AppError('forbidden', 'Only a lead or an administrator confirms a segment.', [
        { path: 'body.isSegmentVerified', message: 'leads and administrators only' },
      ]);
    }
    const why = await this.accessReason(db, viewer, citizenId, reason);
    return db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('citizens')
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.organisation !== undefined ? { organisation: change.organisation } : {}),
          ...(change.segment !== undefined ? { segment: change.segment } : {}),
          ...(change.isSegmentVerified !== undefined
            ? { is_segment_verified: change.isSegmentVerified ? 1 : 0 }
            : {}),
          ...(change.preferredLanguage !== undefined
            ? { preferred_language: change.preferredLanguage }
            : {}),
          ...(change.mayContact !== undefined ? { may_contact: change.mayContact ? 1 : 0 } : {}),
          ...(change.nik !== undefined ? { nik: change.nik } : {}),
        })
        .where('id', '=', citizenId)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new AppError('not_found', 'No such citizen.');
      if (change.name !== undefined) await indexCitizenName(trx, citizenId, change.name);
      await recordProfileAccess(trx, {
        citizenId,
        viewerId: viewer.id,
        at: clock.now(),
        action: 'update',
        reason: `${why}: ${Object.keys(change).join(', ')}`,
      });
      return loadProfile(trx, citizenId);
    });
  }

  /**
   * The other profile is the same person: its addresses and contacts move here, it keeps a
   * pointer (`merged_into`) so nothing that names it is lost, and both histories show as one.
   */
  async merge(
    viewer: User,
    citizenId: string,
    otherCitizenId: string,
    reason: string,
  ): Promise<CitizenProfile> {
    const { db, clock } = this.ctx;
    if (citizenId === otherCitizenId) {
      throw new AppError('invalid_payload', 'A profile cannot be merged into itself.', [
        { path: 'body.otherCitizenId', message: 'must be another citizen' },
      ]);
    }
    await this.accessReason(db, viewer, citizenId, reason);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      // Both rows locked before they are read, so two merges of one pair at once cannot both
      // pass on PostgreSQL (each would merge its profile into the other); SQLite writes one at
      // a time anyway.
      await trx
        .updateTable('citizens')
        .set((eb) => ({ merged_into: eb.ref('merged_into') }))
        .where('id', 'in', [citizenId, otherCitizenId])
        .execute();
      const both = await trx
        .selectFrom('citizens')
        .select(['id', 'merged_into', 'nik', 'organisation'])
        .where('id', 'in', [citizenId, otherCitizenId])
        .execute();
      const survivor = both.find((row) => row.id === citizenId);
      const other = both.find((row) => row.id === otherCitizenId);
      if (!survivor || !other) {
        throw new AppError('not_found', 'No such citizen.', [
          { path: 'body.otherCitizenId', message: 'no such citizen' },
        ]);
      }
      if (both.some((row) => row.merged_into !== null)) {
        throw new AppError('conflict', 'One of these profiles was already merged.');
      }
      if (survivor.nik !== null && other.nik !== null && survivor.nik !== other.nik) {
        throw new AppError(
          'conflict',
          'These profiles carry different NIKs: they are two people, not one.',
        );
      }
      // The survivor keeps its own details; what it lacks, the other profile supplies.
      if (
        (survivor.nik === null && other.nik !== null) ||
        (survivor.organisation === null && other.organisation !== null)
      ) {
        await trx
          .updateTable('citizens')
          .set({
            nik: survivor.nik ?? other.nik,
            organisation: survivor.organisation ?? other.organisation,
          })
          .where('id', '=', citizenId)
          .execute();
      }
      await trx
        .updateTable('citizen_addresses')
        .set({ citizen_id: citizenId })
        .where('citizen_id', '=', otherCitizenId)
        .execute();
      await trx
        .updateTable('contacts')
        .set((eb) => ({ citizen_id: citizenId, version: eb('version', '+', 1) }))
        .where('citizen_id', '=', otherCitizenId)
        .execute();
      await trx
        .updateTable('citizens')
        .set({ merged_into: citizenId })
        .where('id', '=', otherCitizenId)
        .where('merged_into', 'is', null)
        .execute();
      // Search finds the survivor, by its own name; the merged profile no longer answers.
      await trx.deleteFrom('citizen_name_terms').where('citizen_id', '=', otherCitizenId).execute();
      for (const id of [citizenId, otherCitizenId]) {
        await recordProfileAccess(trx, {
          citizenId: id,
          viewerId: viewer.id,
          at: now,
          action: 'merge',
          reason: `${otherCitizenId} → ${citizenId}: ${reason}`,
        });
      }
      return loadProfile(trx, citizenId);
    });
  }

  /**
   * The processing trail of one person: this profile's entries and those of every profile
   * merged into it (at any depth), newest first. A merge is logged on both profiles; it shows
   * once.
   */
  async accessLog(citizenId: string) {
    const rows = await this.ctx.db
      .withRecursive('person(id)', (db) =>
        db
          .selectFrom('citizens')
          .select('citizens.id')
          .where('citizens.id', '=', citizenId)
          .unionAll((union) =>
            union
              .selectFrom('citizens')
              .innerJoin('person', 'person.id', 'citizens.merged_into')
              .select('citizens.id'),
          ),
      )
      .selectFrom('profile_views')
      .innerJoin('users', 'users.id', 'profile_views.viewer_id')
      .select([
        'profile_views.viewer_id',
        'users.display_name',
        'profile_views.at',
        'profile_views.action',
        'profile_views.reason',
      ])
      .where('profile_views.citizen_id', 'in', (db) => db.selectFrom('person').select('id'))
      .orderBy('profile_views.at', 'desc')
      .orderBy('profile_views.id')
      .limit(ACCESS_LOG_SHOWN)
      .execute();
    const seen = new Set<string>();
    const entries = rows.filter((row) => {
      if (row.action !== 'merge') return true;
      const key = `${row.viewer_id} ${row.at} ${row.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      entries: entries.map((row) => ({
        viewerName: row.display_name,
        at: row.at,
        action: row.action as ProfileAccessAction,
        reason: row.reason,
      })),
    };
  }

  /**
   * Why this viewer may see this citizen's data now. An agent serving the citizen needs no more
   * reason than the conversation; leads and administrators must give one; others may not look.
   */
  private async accessReason(
    db: Kysely<Database>,
    viewer: User,
    citizenId: string,
    reason: string | undefined,
  ): Promise<string> {
    if (viewer.role === 'agent') {
      const serving = await db
        .selectFrom('contacts')
        .select('reference')
        .where('citizen_id', '=', citizenId)
        .where('assigned_agent_id', '=', viewer.id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!serving) {
        throw new AppError('forbidden', 'Agents see the profiles of citizens they are serving.');
      }
      return reason ? `${serving.reference}: ${reason}` : `serving ${serving.reference}`;
    }
    if (viewer.role === 'lead' || viewer.role === 'admin') {
      if (!reason) {
        throw new AppError('invalid_payload', 'Say why you open this profile.', [
          { path: 'reason', message: 'required' },
        ]);
      }
      return reason;
    }
    throw new AppError('forbidden', 'This role does not see citizens’ personal data.');
  }
}

async function loadProfile(db: Kysely<Database>, citizenId: string): Promise<CitizenProfile> {
  const citizen = await db
    .selectFrom('citizens')
    .selectAll()
    .where('id', '=', citizenId)
    .executeTakeFirst();
  if (!citizen) throw new AppError('not_found', 'No such citizen.');
  if (citizen.merged_into) {
    throw new AppError('conflict', `This profile was merged into ${citizen.merged_into}.`);
  }
  const [addresses, timeline, followUps] = await Promise.all([
    db
      .selectFrom('citizen_addresses')
      .select(['address', 'kind'])
      .where('citizen_id', '=', citizenId)
      .orderBy('created_at')
      .execute(),
    loadCitizenTimeline(db, citizenId),
    db
      .selectFrom('follow_ups')
      .innerJoin('contacts', 'contacts.id', 'follow_ups.contact_id')
      .innerJoin('users', 'users.id', 'follow_ups.owner_id')
      .select([
        'follow_ups.id',
        'follow_ups.title',
        'follow_ups.due_at',
        'users.display_name',
        'contacts.reference',
      ])
      .where('contacts.citizen_id', '=', citizenId)
      .where('follow_ups.status', '=', 'open')
      .orderBy('follow_ups.due_at')
      .execute(),
  ]);
  return {
    id: citizen.id,
    name: citizen.name,
    segment: citizen.segment as SegmentCode,
    isSegmentVerified: citizen.is_segment_verified === 1,
    organisation: citizen.organisation,
    preferredLanguage: citizen.preferred_language === 'en' ? 'en' : 'id',
    mayContact: citizen.may_contact === 1,
    addresses: addresses.map((row) => ({
      address: row.address,
      kind: row.kind as 'phone' | 'email' | 'handle',
    })),
    nikMasked: maskNik(citizen.nik),
    openFollowUps: followUps.map((row) => ({
      id: row.id,
      title: row.title,
      dueAt: row.due_at,
      ownerName: row.display_name,
      contactReference: row.reference,
    })),
    timeline,
  };
}
