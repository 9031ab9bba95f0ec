import type { CitizenProfile, UpdateCitizenBody } from '../../../shared/schemas/citizen';
import { maskNik } from '../../../shared/schemas/citizen';
import type { SegmentCode } from '../../../shared/schemas/common';
import type { User } from '../../../shared/schemas/user';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { loadCitizenTimeline, recordProfileAccess } from './repository';

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
    const profile = await loadProfile(db, citizenId);
    await recordProfileAccess(db, {
      citizenId,
      viewerId: viewer.id,
      at: clock.now(),
      action: 'profile',
      reason: why,
    });
    return profile;
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
  ): Promise<CitizenProfile> {
    const { db, clock } = this.ctx;
    if (change.isSegmentVerified !== undefined && viewer.role === 'agent') {
      throw new AppError('forbidden', 'Only a lead or an administrator confirms a segment.', [
        { path: 'body.isSegmentVerified', message: 'leads and administrators only' },
      ]);
    }
    const why = await this.accessReason(db, viewer, citizenId, 'profile updated while serving');
    await db.transaction().execute(async (trx) => {
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
      await recordProfileAccess(trx, {
        citizenId,
        viewerId: viewer.id,
        at: clock.now(),
        action: 'update',
        reason: `${why}: ${Object.keys(change).join(', ')}`,
      });
    });
    return loadProfile(db, citizenId);
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
    await db.transaction().execute(async (trx) => {
      const both = await trx
        .selectFrom('citizens')
        .select(['id', 'merged_into'])
        .where('id', 'in', [citizenId, otherCitizenId])
        .execute();
      if (both.length < 2) {
        throw new AppError('not_found', 'No such citizen.', [
          { path: 'body.otherCitizenId', message: 'no such citizen' },
        ]);
      }
      if (both.some((row) => row.merged_into !== null)) {
        throw new AppError('conflict', 'One of these profiles was already merged.');
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
      for (const id of [citizenId, otherCitizenId]) {
        await recordProfileAccess(trx, {
          citizenId: id,
          viewerId: viewer.id,
          at: now,
          action: 'merge',
          reason: `${otherCitizenId} → ${citizenId}: ${reason}`,
        });
      }
    });
    return loadProfile(db, citizenId);
  }

  async accessLog(citizenId: string) {
    const rows = await this.ctx.db
      .selectFrom('profile_views')
      .innerJoin('users', 'users.id', 'profile_views.viewer_id')
      .select([
        'users.display_name',
        'profile_views.at',
        'profile_views.action',
        'profile_views.reason',
      ])
      .where('profile_views.citizen_id', '=', citizenId)
      .orderBy('profile_views.at', 'desc')
      .limit(500)
      .execute();
    return {
      entries: rows.map((row) => ({
        viewerName: row.display_name,
        at: row.at,
        action: row.action as 'profile' | 'reveal_nik' | 'update' | 'merge',
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
