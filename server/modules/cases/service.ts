import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  extendClock,
  levelPassed,
  levelsReached,
  nextWarningAt,
  openClocks,
  pauseClock,
  resumeClock,
  startClock,
  governingDue,
  type ClockState,
} from '../../../shared/domain/case-clock';
import { LIFECYCLES, decideTransition } from '../../../shared/domain/case-lifecycle';
import { formatCaseReference, referenceCounterName } from '../../../shared/domain/case-reference';
import { overseesCase } from '../../../shared/domain/team-scope';
import type { CommandName } from '../../../shared/protocol/events';
import type {
  CaseDraftSchema,
  CaseDetail,
  CaseEscalation,
  CaseSummary,
  CaseWarning,
  AcknowledgeHandOffBodySchema,
  CreateCaseBodySchema,
  ExtendClockBodySchema,
  HandOffBodySchema,
  LinkContactBodySchema,
  PauseClockBodySchema,
  ResumeClockBodySchema,
  ReturnHandOffBodySchema,
  TransitionCaseBodySchema,
} from '../../../shared/schemas/case';
import { CaseDetailSchema, CaseStatusSchema } from '../../../shared/schemas/case';
import { RequestTypeSchema } from '../../../shared/schemas/deadlines';
import type { Role } from '../../../shared/schemas/common';
import type { z } from 'zod';
import { rooms } from '../../realtime/rooms';
import { DEFAULT_UNIT } from '../../seed/units';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import { appendAudit } from '../audit/repository';
import { queueCitizenUpdate } from './citizen-updates';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import { leadRoomsOfCase, loadTeamDirectory, loadTeamMember } from '../team-lead/directory';
import { invalidPayload } from '../validation';
import {
  adminIds,
  clockColumns,
  clockStateOf,
  loadCalendar,
  loadCasePlaces,
  loadCaseDetail,
  loadCaseRow,
  loadCaseRows,
  loadClockRows,
  nextCounterValue,
  outcomeOf,
  rulesFor,
  summarize,
  unitMemberIds,
  unitOfUser,
  type CaseRow,
  type ClockRow,
} from './repository';

type Db = Kysely<Database>;
export interface Actor {
  id: string;
  role: Role;
}

/** Commands arrive parsed, but typed as their input (the `on()` wrapper's view of them). */
type Out<S extends z.ZodType> = z.input<S>;

/**
 * Cases: opening with a reference, moving along the lifecycle, clocks (extend, pause, resume),
 * hand-offs to owning units, and the scanner that fires warnings, breaches, escalations and
 * bounces. Every change is one transaction with its audit row; facts go out after the commit.
 */
export class CaseService {
  constructor(private readonly ctx: ServiceContext) {}

  // ---- commands ----

  async create(actor: Actor, input: Out<typeof CreateCaseBodySchema>): Promise<CaseDetail> {
    const now = this.ctx.clock.now();
    const { result, isFirst } = await this.once(actor, 'case:create', input.commandId, now, (trx) =>
      this.openInTx(trx, actor, input, now, input.contactId),
    );
    if (isFirst) await this.publishChanged([result.case.id]);
    return result;
  }

  /**
   * Opens a case inside the caller's transaction (the wrap-up opens one with its outcome) and
   * returns its id. The reference's counter is taken in the same transaction: on PostgreSQL the
   * upsert locks the counter row until the commit, on SQLite there is one writer, so two cases
   * never get one number and a rolled-back case gives its number back.
   */
  async openInTx(
    trx: Db,
    actor: Actor,
    draft: z.input<typeof CaseDraftSchema>,
    now: number,
    contactId: string | undefined,
  ): Promise<CaseDetail> {
    let receivedAt = now;
    let channel: string | null = null;
    if (contactId) {
      const contact = await trx
        .selectFrom('contacts')
        .select(['id', 'arrived_at', 'channel', 'assigned_agent_id'])
        .where('id', '=', contactId)
        .executeTakeFirst();
      if (!contact) {
        throw invalidPayload([{ path: 'contactId', message: 'no such contact' }]);
      }
      if (actor.role === 'agent' && contact.assigned_agent_id !== actor.id) {
        throw new AppError('forbidden', 'Only the agent holding this contact opens its case.');
      }
      // The request was received when the contact arrived, not when the case was typed up.
      receivedAt = Number(contact.arrived_at);
      channel = contact.channel;
    }
    const unitId = draft.unitId ?? DEFAULT_UNIT.id;
    const loaded = await loadCalendar(trx, unitId);
    if (!loaded) throw invalidPayload([{ path: 'unitId', message: `no unit ${unitId}` }]);
    const rules = await rulesFor(trx, draft.type);
    const choice =
      draft.type === 'inquiry' || draft.type === 'aspiration'
        ? { serviceClass: draft.serviceClass, customWorkingDays: draft.customWorkingDays }
        : {};
    const clocks = openClocks(rules, receivedAt, loaded.calendar, choice);
    const { config } = this.ctx;
    const parts = {
      body: config.caseBodyCode,
      type: draft.type,
      at: receivedAt,
      timeZone: config.timeZone,
    };
    const sequence = await nextCounterValue(
      trx,
      referenceCounterName(config.caseReferenceFormat, parts),
    );
    const reference = formatCaseReference(config.caseReferenceFormat, parts, sequence);
    const caseId = randomUUID();
    const status = LIFECYCLES[draft.type].initial;
    await trx
      .insertInto('cases')
      .values({
        id: caseId,
        reference,
        type: draft.type,
        status,
        subject: draft.subject,
        requester: JSON.stringify(draft.requester),
        confidentiality: draft.confidentiality ?? 'normal',
        details: JSON.stringify(draft.details),
        outcome: '{}',
        channel,
        unit_id: unitId,
        owner_id: actor.id,
        with_unit_id: null,
        service_class:
          choice.serviceClass ??
          (rules.clocks.some((c) => c.internal.kind === 'service_class')
            ? defaultClass(rules)
            : null),
        custom_working_days: choice.customWorkingDays ?? null,
        received_at: receivedAt,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        closed_at: null,
        breached_at: null,
        next_escalation_at: null,
      })
      .execute();
    for (const clock of clocks) {
      await trx
        .insertInto('case_clocks')
        .values({
          id: randomUUID(),
          case_id: caseId,
          clock: clock.rule.clock,
          rule: JSON.stringify(clock.rule),
          ...clockColumns(clock),
          original_legal_due_at: clock.legalDueAt,
          extension_reason: null,
          pause_reason: null,
          met_at: null,
          breached_at: null,
          warned_level: 0,
          next_warning_at: nextWarningAt(clock, 0),
        })
        .execute();
    }
    if (contactId) {
      await trx
        .insertInto('case_contacts')
        .values({ case_id: caseId, contact_id: contactId, linked_by: actor.id, linked_at: now })
        .execute();
    }
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      caseId,
      action: 'case.created',
      data: {
        reference,
        type: draft.type,
        status,
        receivedAt,
        unitId,
        contactId: contactId ?? null,
        clocks: clocks.map((clock) => ({
          clock: clock.rule.clock,
          status: clock.status,
          legalDueAt: clock.legalDueAt,
          internalDueAt: clock.internalDueAt,
        })),
      },
    });
    await queueCitizenUpdate(
      trx,
      caseId,
      {
        kind: 'opened',
        reference,
        legalDueAt: clocks.find((clock) => clock.legalDueAt !== null)?.legalDueAt ?? null,
        timeZone: loaded.unit.timeZone,
      },
      now,
    );
    return this.detailOrThrow(trx, caseId);
  }

  async transition(actor: Actor, input: Out<typeof TransitionCaseBodySchema>): Promise<CaseDetail> {
    return this.mutate(
      actor,
      'case:transition',
      input.commandId,
      input.caseId,
      async (trx, row, now) => {
        // Parsed, not cast: a hand-edited row fails loudly here rather than in a wrong step.
        const type = RequestTypeSchema.parse(row.type);
        const earlier = outcomeOf(row);
        const decision = decideTransition(
          type,
          CaseStatusSchema.parse(row.status),
          input.to,
          input.fields,
          earlier,
        );
        if (!decision.ok) {
          if (decision.refusal === 'missing_field') {
            throw invalidPayload([{ path: `fields.${decision.field}`, message: decision.message }]);
          }
          throw new AppError('conflict', decision.message);
        }
        const clocks = await loadClockRows(trx, [row.id]);
        const loaded = await loadCalendar(trx, row.unit_id);
        if (!loaded) throw new AppError('internal', 'The case unit is missing.');
        const changes: Record<string, unknown>[] = [];
        for (const effect of decision.effects) {
          for (const clockRow of clocks) {
            const state = clockStateOf(clockRow);
            const matches = effect.kind === 'stop_all' || clockRow.clock === effect.clock;
            if (!matches) continue;
            if (
              effect.kind === 'meet' &&
              (state.status === 'running' || state.status === 'paused')
            ) {
              await trx
                .updateTable('case_clocks')
                .set({ status: 'met', met_at: now, paused_at: null, next_warning_at: null })
                .where('id', '=', clockRow.id)
                .execute();
              clockRow.status = 'met';
              const due = governingDue(state);
              changes.push({
                clock: clockRow.clock,
                met: true,
                isLate: due !== null && now > due.dueAt,
              });
            } else if (effect.kind === 'start' && state.status === 'pending') {
              const started = startClock(state, now, loaded.calendar);
              await trx
                .updateTable('case_clocks')
                .set({
                  ...clockColumns(started),
                  original_legal_due_at: started.legalDueAt,
                  warned_level: 0,
                  next_warning_at: nextWarningAt(started, 0),
                })
                .where('id', '=', clockRow.id)
                .execute();
              changes.push({
                clock: clockRow.clock,
                started: true,
                legalDueAt: started.legalDueAt,
                internalDueAt: started.internalDueAt,
              });
            } else if (
              effect.kind === 'stop_all' &&
              (state.status === 'running' ||
                state.status === 'paused' ||
                state.status === 'pending')
            ) {
              await trx
                .updateTable('case_clocks')
                .set({ status: 'stopped', paused_at: null, next_warning_at: null })
                .where('id', '=', clockRow.id)
                .execute();
              changes.push({ clock: clockRow.clock, stopped: true });
            }
          }
        }
        // Hand-offs before the case row, in the order the bounce job takes them: no deadlock.
        if (decision.isClosing && row.with_unit_id) {
          await trx
            .updateTable('case_handoffs')
            .set({ status: 'returned', responded_at: now, reason: 'case closed' })
            .where('case_id', '=', row.id)
            .where('status', '=', 'pending')
            .execute();
        }
        await this.bump(
          trx,
          row,
          {
            status: input.to,
            outcome: JSON.stringify({ ...earlier, ...decision.recorded }),
            ...(decision.isClosing
              ? { closed_at: now, next_escalation_at: null, with_unit_id: null }
              : {}),
          },
          now,
        );
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'case.transitioned',
          data: {
            from: row.status,
            to: input.to,
            note: input.note ?? null,
            fields: decision.recorded,
            clocks: changes,
          },
        });
        await queueCitizenUpdate(
          trx,
          row.id,
          { kind: 'status', reference: row.reference, status: input.to },
          now,
        );
        return { notify: row.with_unit_id };
      },
    );
  }

  async extend(actor: Actor, input: Out<typeof ExtendClockBodySchema>): Promise<CaseDetail> {
    return this.mutate(
      actor,
      'case:extend',
      input.commandId,
      input.caseId,
      async (trx, row, now) => {
        const clockRow = await this.clockOf(trx, row.id, input.clock);
        const loaded = await loadCalendar(trx, row.unit_id);
        if (!loaded) throw new AppError('internal', 'The case unit is missing.');
        const state = clockStateOf(clockRow);
        const extended = extendClock(state, {
          workingDays: input.workingDays,
          reason: input.reason,
          at: now,
          calendar: loaded.calendar,
        });
        if (!extended.ok) {
          if (extended.refusal === 'reason_required') {
            throw invalidPayload([{ path: 'reason', message: extended.message }]);
          }
          if (extended.refusal === 'bad_amount') {
            throw invalidPayload([{ path: 'workingDays', message: extended.message }]);
          }
          throw new AppError('conflict', extended.message);
        }
        await this.saveMovedClock(trx, clockRow, extended.state, now, {
          extension_reason: input.reason,
        });
        await this.bump(trx, row, {}, now);
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'clock.extended',
          data: {
            clock: input.clock,
            workingDays: input.workingDays,
            reason: input.reason,
            legalDueFrom: state.legalDueAt,
            legalDueTo: extended.state.legalDueAt,
            internalDueTo: extended.state.internalDueAt,
          },
        });
        await queueCitizenUpdate(
          trx,
          row.id,
          {
            kind: 'extended',
            reference: row.reference,
            legalDueAt: extended.decision.dueAt,
            reason: input.reason,
            timeZone: loaded.unit.timeZone,
          },
          now,
        );
        return { notify: row.with_unit_id };
      },
    );
  }

  async pause(actor: Actor, input: Out<typeof PauseClockBodySchema>): Promise<CaseDetail> {
    return this.mutate(
      actor,
      'case:pause',
      input.commandId,
      input.caseId,
      async (trx, row, now) => {
        const clockRow = await this.clockOf(trx, row.id, input.clock);
        const paused = pauseClock(clockStateOf(clockRow), now);
        if (!paused.ok) throw new AppError('conflict', paused.message);
        await trx
          .updateTable('case_clocks')
          .set({ ...clockColumns(paused.state), pause_reason: input.reason, next_warning_at: null })
          .where('id', '=', clockRow.id)
          .execute();
        await this.bump(trx, row, {}, now);
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'clock.paused',
          data: { clock: input.clock, reason: input.reason, waitingOn: 'citizen' },
        });
        return { notify: row.with_unit_id };
      },
    );
  }

  async resume(actor: Actor, input: Out<typeof ResumeClockBodySchema>): Promise<CaseDetail> {
    return this.mutate(
      actor,
      'case:resume',
      input.commandId,
      input.caseId,
      async (trx, row, now) => {
        const clockRow = await this.clockOf(trx, row.id, input.clock);
        const loaded = await loadCalendar(trx, row.unit_id);
        if (!loaded) throw new AppError('internal', 'The case unit is missing.');
        const before = clockStateOf(clockRow);
        const resumed = resumeClock(before, now, loaded.calendar);
        if (!resumed.ok) throw new AppError('conflict', resumed.message);
        await this.saveMovedClock(trx, clockRow, resumed.state, now, { pause_reason: null });
        await this.bump(trx, row, {}, now);
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'clock.resumed',
          data: {
            clock: input.clock,
            note: input.note ?? null,
            pausedMs: now - (before.pausedAt ?? now),
            pauseReason: clockRow.pause_reason,
            legalDueFrom: before.legalDueAt,
            legalDueTo: resumed.state.legalDueAt,
            internalDueTo: resumed.state.internalDueAt,
          },
        });
        return { notify: row.with_unit_id };
      },
    );
  }

  async handOff(actor: Actor, input: Out<typeof HandOffBodySchema>): Promise<CaseDetail> {
    return this.mutate(
      actor,
      'case:hand-off',
      input.commandId,
      input.caseId,
      async (trx, row, now) => {
        if (row.with_unit_id) {
          throw new AppError(
            'conflict',
            'The case is already with a unit; wait for it to come back.',
          );
        }
        if (input.unitId === DEFAULT_UNIT.id) {
          throw invalidPayload([
            { path: 'unitId', message: 'the contact center keeps its own cases' },
          ]);
        }
        const unit = await trx
          .selectFrom('units')
          .select(['id', 'name'])
          .where('id', '=', input.unitId)
          .executeTakeFirst();
        if (!unit) throw invalidPayload([{ path: 'unitId', message: `no unit ${input.unitId}` }]);
        const [summary] = await summarize(trx, [row]);
        const legalDues = (await loadClockRows(trx, [row.id]))
          .map(clockStateOf)
          .filter((clock) => clock.status === 'running' || clock.status === 'paused')
          .flatMap((clock) => (clock.legalDueAt === null ? [] : [clock.legalDueAt]));
        const legalLimit = legalDues.length > 0 ? Math.min(...legalDues) : null;
        const agreedDueAt =
          input.agreedDueAt ?? summary?.nextInternalDueAt ?? summary?.nextDueAt ?? now + 86_400_000;
        if (agreedDueAt <= now) {
          throw invalidPayload([{ path: 'agreedDueAt', message: 'must be in the future' }]);
        }
        if (legalLimit !== null && agreedDueAt > legalLimit) {
          throw invalidPayload([
            { path: 'agreedDueAt', message: 'must not be after the legal due of the case' },
          ]);
        }
        const handOffId = randomUUID();
        const acknowledgeBy = now + this.ctx.config.handOffAckMs;
        await trx
          .insertInto('case_handoffs')
          .values({
            id: handOffId,
            case_id: row.id,
            unit_id: unit.id,
            status: 'pending',
            note: input.note,
            agreed_due_at: agreedDueAt,
            acknowledge_by: acknowledgeBy,
            sent_by: actor.id,
            sent_at: now,
            responded_by: null,
            responded_at: null,
            reason: null,
          })
          .execute();
        await this.bump(trx, row, { with_unit_id: unit.id }, now);
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'handoff.sent',
          data: { handOffId, unitId: unit.id, agreedDueAt, acknowledgeBy, note: input.note },
        });
        return { notify: unit.id };
      },
    );
  }

  async acknowledgeHandOff(
    actor: Actor,
    input: Out<typeof AcknowledgeHandOffBodySchema>,
  ): Promise<CaseDetail> {
    return this.answerHandOff(
      actor,
      'case:acknowledge-hand-off',
      input.commandId,
      input.handOffId,
      null,
    );
  }

  async returnHandOff(
    actor: Actor,
    input: Out<typeof ReturnHandOffBodySchema>,
  ): Promise<CaseDetail> {
    return this.answerHandOff(
      actor,
      'case:return-hand-off',
      input.commandId,
      input.handOffId,
      input.reason,
    );
  }

  async linkContact(actor: Actor, input: Out<typeof LinkContactBodySchema>): Promise<CaseDetail> {
    const now = this.ctx.clock.now();
    const detail = await this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.caseFor(trx, actor, input.caseId, 'link');
      const contact = await trx
        .selectFrom('contacts')
        .select(['id', 'assigned_agent_id'])
        .where('id', '=', input.contactId)
        .executeTakeFirst();
      if (!contact) throw invalidPayload([{ path: 'contactId', message: 'no such contact' }]);
      if (actor.role === 'agent' && contact.assigned_agent_id !== actor.id) {
        throw new AppError('forbidden', 'Link only a contact you hold or held.');
      }
      const inserted = await trx
        .insertInto('case_contacts')
        .values({ case_id: row.id, contact_id: contact.id, linked_by: actor.id, linked_at: now })
        .onConflict((oc) => oc.columns(['case_id', 'contact_id']).doNothing())
        .executeTakeFirst();
      // Linking twice is no change: no audit row, no version bump.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        await this.bump(trx, row, {}, now);
        await appendAudit(trx, {
          at: now,
          actorId: actor.id,
          caseId: row.id,
          action: 'case.contact_linked',
          data: { contactId: contact.id },
        });
      }
      return this.detailOrThrow(trx, row.id);
    });
    await this.publishChanged([detail.case.id]);
    return detail;
  }

  // ---- reads ----

  /** One case; a personal-data request's view is itself audited (UU 27/2022, D1-D2). */
  async detail(actor: Actor, caseId: string): Promise<CaseDetail> {
    const row = await this.caseFor(this.ctx.db, actor, caseId, 'view');
    if (row.type === 'personal_data_request') {
      await this.ctx.db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: this.ctx.clock.now(),
          actorId: actor.id,
          caseId: row.id,
          action: 'personal_data.viewed',
          data: { reference: row.reference },
        }),
      );
    }
    return this.detailOrThrow(this.ctx.db, row.id);
  }

  /** Open cases for a board, soonest breach first (cases with no running clock last). */
  async board(actor: Actor, scope: 'mine' | 'unit' | 'all'): Promise<CaseSummary[]> {
    const { db } = this.ctx;
    let rows: CaseRow[];
    if (actor.role === 'unit' || scope === 'unit') {
      const membership = await unitOfUser(db, actor.id);
      if (!membership) return [];
      rows = await loadCaseRows(db, { withUnitId: membership.unitId, isOpen: true, limit: null });
    } else if (scope === 'all') {
      if (actor.role !== 'lead' && actor.role !== 'admin') {
        throw new AppError('forbidden', 'Only leads and administrators see every case.');
      }
      // "Every case" a lead sees is every case of their own team (administrators': all).
      rows = await this.overseenBy(
        db,
        actor,
        await loadCaseRows(db, { isOpen: true, limit: null }),
      );
    } else {
      rows = await loadCaseRows(db, { ownerId: actor.id, isOpen: true, limit: null });
    }
    const summaries = await summarize(db, rows);
    return summaries.sort(
      (a, b) =>
        (a.nextDueAt ?? Number.MAX_SAFE_INTEGER) - (b.nextDueAt ?? Number.MAX_SAFE_INTEGER) ||
        a.receivedAt - b.receivedAt,
    );
  }

  async forContact(actor: Actor, contactId: string): Promise<CaseSummary[]> {
    if (actor.role === 'unit')
      throw new AppError('forbidden', 'Unit staff see cases handed to them.');
    const { db } = this.ctx;
    return summarize(db, await this.overseenBy(db, actor, await loadCaseRows(db, { contactId })));
  }

  // ---- the scanner (runs on every node; the database decides who fires) ----

  /** Warnings, breaches, escalations and bounced hand-offs due at `now`. */
  async scan(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.fireWarnings(now);
    await this.escalate(now);
    await this.bounceHandOffs(now);
  }

  private async fireWarnings(now: number): Promise<void> {
    const due = await this.ctx.db
      .selectFrom('case_clocks')
      .select('id')
      .where('status', '=', 'running')
      .where('next_warning_at', '<=', now)
      .orderBy('next_warning_at')
      .limit(200)
      .execute();
    for (const { id } of due) {
      const outcome = await this.ctx.db.transaction().execute(async (trx) => {
        const clockRow = await trx
          .selectFrom('case_clocks')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!clockRow) return undefined;
        const state = clockStateOf(clockRow);
        const warned = Number(clockRow.warned_level);
        const levels = levelsReached(state, warned, now);
        const governing = governingDue(state);
        const fired: CaseWarning[] = [];
        let isNewBreach = false;
        const row = await loadCaseRow(trx, clockRow.case_id);
        if (!row || !governing) return undefined;
        for (const level of levels) {
          const warningId = randomUUID();
          const inserted = await trx
            .insertInto('case_warnings')
            .values({
              id: warningId,
              case_id: clockRow.case_id,
              clock_id: clockRow.id,
              level,
              basis: governing.basis,
              due_at: governing.dueAt,
              fired_at: now,
            })
            .onConflict((oc) => oc.columns(['clock_id', 'level', 'due_at']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue; // another node fired it
          const isBreach = level === 100 && governing.basis === 'legal';
          fired.push({
            id: warningId,
            caseId: row.id,
            reference: row.reference,
            clock: state.rule.clock,
            level,
            basis: governing.basis,
            dueAt: governing.dueAt,
            firedAt: now,
            isBreach,
          });
          if (isBreach) {
            await trx
              .updateTable('case_clocks')
              .set({ breached_at: now })
              .where('id', '=', clockRow.id)
              .execute();
            const flagged = await trx
              .updateTable('cases')
              .set((eb) => ({
                is_breached: 1,
                breached_at: now,
                escalation_step: -1,
                next_escalation_at: now,
                version: eb('version', '+', 1),
                updated_at: now,
              }))
              .where('id', '=', row.id)
              .where('is_breached', '=', 0)
              .executeTakeFirst();
            isNewBreach = Number(flagged.numUpdatedRows) > 0;
            await appendAudit(trx, {
              at: now,
              actorId: null,
              caseId: row.id,
              action: 'clock.breached',
              data: {
                clock: state.rule.clock,
                legalDueAt: governing.dueAt,
                risk: 'penundaan_berlarut',
              },
            });
          }
        }
        const top = Math.max(warned, ...levels);
        await trx
          .updateTable('case_clocks')
          .set({ warned_level: top, next_warning_at: nextWarningAt(state, top) })
          .where('id', '=', clockRow.id)
          .execute();
        return { fired, row, isNewBreach };
      });
      if (!outcome || outcome.fired.length === 0) continue;
      const targets = await this.warningTargets(outcome.row);
      for (const warning of outcome.fired)
        this.ctx.publisher.publish(targets, 'case:warned', warning);
      if (outcome.isNewBreach) await this.publishChanged([outcome.row.id]);
    }
  }

  private async escalate(now: number): Promise<void> {
    const { db, config } = this.ctx;
    const due = await db
      .selectFrom('cases')
      .select('id')
      .where('next_escalation_at', '<=', now)
      .where('closed_at', 'is', null)
      .limit(200)
      .execute();
    const chain = config.caseEscalationChain;
    for (const { id } of due) {
      const fired = await db.transaction().execute(async (trx) => {
        const row = await loadCaseRow(trx, id);
        if (!row || row.breached_at === null) return undefined;
        const step = Number(row.escalation_step) + 1;
        const target = chain[step];
        const nextAt =
          step + 1 < chain.length
            ? Number(row.breached_at) + (step + 1) * config.caseEscalationStepMs
            : null;
        // Conditional on the step seen: of two nodes, one moves it and fires.
        const moved = await trx
          .updateTable('cases')
          .set({ escalation_step: step, next_escalation_at: nextAt })
          .where('id', '=', id)
          .where('escalation_step', '=', step - 1)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0 || !target) return undefined;
        const inserted = await trx
          .insertInto('case_escalations')
          .values({ id: randomUUID(), case_id: id, step, target, fired_at: now })
          .onConflict((oc) => oc.columns(['case_id', 'step']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return undefined;
        await appendAudit(trx, {
          at: now,
          actorId: null,
          caseId: id,
          action: 'case.escalated',
          data: { step, target },
        });
        const escalation: CaseEscalation = {
          caseId: id,
          reference: row.reference,
          step,
          target,
          firedAt: now,
        };
        return { escalation, row };
      });
      if (!fired) continue;
      const recipients = await this.escalationRecipients(fired.row, fired.escalation.target);
      this.ctx.publisher.publish(recipients, 'case:escalated', fired.escalation);
    }
  }

  private async bounceHandOffs(now: number): Promise<void> {
    const { db } = this.ctx;
    const due = await db
      .selectFrom('case_handoffs')
      .innerJoin('units', 'units.id', 'case_handoffs.unit_id')
      .select(['case_handoffs.id', 'case_handoffs.case_id', 'units.name as unit_name'])
      .where('case_handoffs.status', '=', 'pending')
      .where('case_handoffs.acknowledge_by', '<=', now)
      .limit(200)
      .execute();
    for (const handOff of due) {
      const bounced = await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('case_handoffs')
          .set({ status: 'bounced', responded_at: now, reason: 'not acknowledged in time' })
          .where('id', '=', handOff.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) return undefined;
        const row = await loadCaseRow(trx, handOff.case_id);
        if (!row) return undefined;
        await this.bump(trx, row, { with_unit_id: null }, now);
        await appendAudit(trx, {
          at: now,
          actorId: null,
          caseId: row.id,
          action: 'handoff.bounced',
          data: { handOffId: handOff.id, reason: 'not acknowledged in time' },
        });
        return row;
      });
      if (!bounced) continue;
      const leads = await this.leadRoomsOf(bounced);
      this.ctx.publisher.publish(
        [rooms.user(bounced.owner_id), ...leads],
        'case:hand-off-bounced',
        {
          caseId: bounced.id,
          reference: bounced.reference,
          handOffId: handOff.id,
          unitName: handOff.unit_name,
        },
      );
      await this.publishChanged([bounced.id]);
    }
  }

  // ---- helpers ----

  private async answerHandOff(
    actor: Actor,
    name: CommandName,
    commandId: string,
    handOffId: string,
    returnReason: string | null,
  ): Promise<CaseDetail> {
    const now = this.ctx.clock.now();
    const { result, isFirst } = await this.once(actor, name, commandId, now, async (trx) => {
      const handOff = await trx
        .selectFrom('case_handoffs')
        .selectAll()
        .where('id', '=', handOffId)
        .executeTakeFirst();
      if (!handOff) throw new AppError('not_found', 'No such hand-off.');
      if (actor.role !== 'admin') {
        const membership = await unitOfUser(trx, actor.id);
        if (membership?.unitId !== handOff.unit_id) {
          throw new AppError('forbidden', 'This hand-off went to another unit.');
        }
      }
      const isReturn = returnReason !== null;
      const allowedFrom = isReturn ? ['pending', 'acknowledged'] : ['pending'];
      const moved = await trx
        .updateTable('case_handoffs')
        .set({
          status: isReturn ? 'returned' : 'acknowledged',
          responded_by: actor.id,
          responded_at: now,
          reason: returnReason,
        })
        .where('id', '=', handOff.id)
        .where('status', 'in', allowedFrom)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) {
        throw new AppError(
          'conflict',
          handOff.status === 'bounced'
            ? 'The acknowledgement time passed; the case went back to the contact center.'
            : `This hand-off is already ${handOff.status}.`,
        );
      }
      const row = await loadCaseRow(trx, handOff.case_id);
      if (!row) throw new AppError('not_found', 'No such case.');
      await this.bump(trx, row, isReturn ? { with_unit_id: null } : {}, now);
      await appendAudit(trx, {
        at: now,
        actorId: actor.id,
        caseId: row.id,
        action: isReturn ? 'handoff.returned' : 'handoff.acknowledged',
        data: { handOffId, unitId: handOff.unit_id, reason: returnReason },
      });
      return this.detailOrThrow(trx, row.id);
    });
    if (isFirst) {
      await this.publishChanged(
        [result.case.id],
        [result.handOffs.find((h) => h.id === handOffId)?.unitId],
      );
    }
    return result;
  }

  private async mutate(
    actor: Actor,
    name: CommandName,
    commandId: string,
    caseId: string,
    change: (trx: Db, row: CaseRow, now: number) => Promise<{ notify: string | null }>,
  ): Promise<CaseDetail> {
    const now = this.ctx.clock.now();
    let notifyUnit: string | null = null;
    const { result, isFirst } = await this.once(actor, name, commandId, now, async (trx) => {
      const row = await this.caseFor(trx, actor, caseId, 'act');
      if (row.closed_at !== null) throw new AppError('conflict', 'The case is closed.');
      notifyUnit = (await change(trx, row, now)).notify;
      return this.detailOrThrow(trx, row.id);
    });
    if (isFirst) await this.publishChanged([result.case.id], [notifyUnit]);
    return result;
  }

  private once(
    actor: Actor,
    name: CommandName,
    commandId: string,
    now: number,
    execute: (trx: Db) => Promise<CaseDetail>,
  ) {
    return runOnce(
      this.ctx.db,
      { commandId, userId: actor.id, name, result: CaseDetailSchema, now },
      execute,
    );
  }

  /**
   * The case, if `actor` may see it (`view`) or change it (`act`, `link`): admins any case, leads
   * the cases of their own team (`overseesCase`); agents view any case (the contact center keeps
   * sight of every case) and change their own; unit staff only cases with their unit, changing
   * them once acknowledged. Refused before anything is read for the answer or written.
   */
  private async caseFor(
    db: Db,
    actor: Actor,
    caseId: string,
    access: 'view' | 'act' | 'link',
  ): Promise<CaseRow> {
    const row = await loadCaseRow(db, caseId);
    if (!row) throw new AppError('not_found', 'No such case.');
    if (actor.role === 'admin') return row;
    if (actor.role === 'lead') {
      if ((await this.overseenBy(db, actor, [row])).length === 0) {
        throw new AppError('forbidden', "This follow-up belongs to another team's lead.");
      }
      return row;
    }
    if (actor.role === 'agent' || actor.role === 'trainer') {
      if (access === 'view') return row;
      if (actor.role === 'agent' && (access === 'link' || row.owner_id === actor.id)) return row;
      throw new AppError(
        'forbidden',
        'Only the owner of the case, a lead or an administrator may change it.',
      );
    }
    const membership = await unitOfUser(db, actor.id);
    const handOffs = membership
      ? await db
          .selectFrom('case_handoffs')
          .select('status')
          .where('case_id', '=', row.id)
          .where('unit_id', '=', membership.unitId)
          .execute()
      : [];
    if (handOffs.length === 0)
      throw new AppError('forbidden', 'This case was not handed to your unit.');
    if (access === 'view') return row;
    if (
      access === 'act' &&
      row.with_unit_id === membership?.unitId &&
      handOffs.some((h) => h.status === 'acknowledged')
    ) {
      return row;
    }
    throw new AppError('forbidden', 'Acknowledge the hand-off before working on the case.');
  }

  private async clockOf(trx: Db, caseId: string, clock: string): Promise<ClockRow> {
    const row = await trx
      .selectFrom('case_clocks')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('clock', '=', clock)
      .executeTakeFirst();
    if (!row) throw invalidPayload([{ path: 'clock', message: `this case has no ${clock} clock` }]);
    return row;
  }

  /**
   * Saves a clock whose dues moved (extension, resume). Levels already fired against the old due
   * are kept as fired only while they are passed under the new one, so e.g. the 80 % of an
   * extended clock warns again when the extended clock reaches it.
   */
  private async saveMovedClock(
    trx: Db,
    clockRow: ClockRow,
    state: ClockState,
    now: number,
    extra: { extension_reason?: string; pause_reason?: null },
  ): Promise<void> {
    const warned = Math.min(Number(clockRow.warned_level), levelPassed(state, now));
    await trx
      .updateTable('case_clocks')
      .set({
        ...clockColumns(state),
        ...extra,
        warned_level: warned,
        next_warning_at: nextWarningAt(state, warned),
      })
      .where('id', '=', clockRow.id)
      .execute();
  }

  /** Every change bumps the version, conditionally: a concurrent change makes this one fail. */
  private async bump(
    trx: Db,
    row: CaseRow,
    set: Partial<{
      status: string;
      outcome: string;
      closed_at: number;
      next_escalation_at: number | null;
      with_unit_id: string | null;
    }>,
    now: number,
  ): Promise<void> {
    const updated = await trx
      .updateTable('cases')
      .set({ ...set, updated_at: now, version: Number(row.version) + 1 })
      .where('id', '=', row.id)
      .where('version', '=', Number(row.version))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new AppError('conflict', 'The case changed meanwhile; look again and retry.');
    }
    row.version = Number(row.version) + 1;
  }

  private async detailOrThrow(db: Db, caseId: string): Promise<CaseDetail> {
    const detail = await loadCaseDetail(db, caseId);
    if (!detail) throw new AppError('internal', 'The case could not be read back.');
    return detail;
  }

  /**
   * Owner, the leads overseeing the case (its team's, or every lead's) and the administrators, and
   * the staff of the unit the case is (or just was) with.
   */
  async publishChanged(
    caseIds: string[],
    extraUnits: (string | null | undefined)[] = [],
  ): Promise<void> {
    const rows = await loadCaseRows(this.ctx.db, { ids: caseIds });
    const [places, directory] = await Promise.all([
      loadCasePlaces(this.ctx.db, rows),
      loadTeamDirectory(this.ctx.db),
    ]);
    for (const summary of await summarize(this.ctx.db, rows)) {
      const place = places.get(summary.id) ?? { ownerTeamId: null };
      const units = new Set([summary.withUnitId, ...extraUnits].filter((u): u is string => !!u));
      const members = (
        await Promise.all([...units].map((unit) => unitMemberIds(this.ctx.db, unit)))
      ).flat();
      this.ctx.publisher.publish(
        [
          rooms.user(summary.ownerId),
          ...leadRoomsOfCase(place, directory),
          ...members.map(rooms.user),
        ],
        'case:changed',
        summary,
      );
    }
  }

  private async warningTargets(row: CaseRow): Promise<string[]> {
    const { db } = this.ctx;
    const [leads, members] = await Promise.all([
      this.leadRoomsOf(row),
      row.with_unit_id ? unitMemberIds(db, row.with_unit_id) : Promise.resolve([]),
    ]);
    return [...new Set([row.owner_id, ...members])].map(rooms.user).concat(leads);
  }

  private async escalationRecipients(row: CaseRow, target: string): Promise<string[]> {
    const { db } = this.ctx;
    const unit = row.with_unit_id ?? row.unit_id;
    if (target === 'lead') return this.leadRoomsOf(row);
    let ids: string[] = [];
    if (target === 'owner') ids = [row.owner_id];
    else if (target === 'unit') ids = await unitMemberIds(db, unit);
    else if (target === 'unit_head') ids = await unitMemberIds(db, unit, { headsOnly: true });
    else if (target === 'admin') ids = await adminIds(db);
    // A link with nobody in it (a unit without a head) falls to the case's leads and the
    // administrators (every lead when the case is everyone's), never to nobody.
    return ids.length > 0 ? ids.map(rooms.user) : this.leadRoomsOf(row);
  }

  /** The rooms of the leads overseeing this case, with the administrators'. */
  private async leadRoomsOf(row: Pick<CaseRow, 'id' | 'owner_id'>): Promise<string[]> {
    const { db } = this.ctx;
    const [places, directory] = await Promise.all([
      loadCasePlaces(db, [row]),
      loadTeamDirectory(db),
    ]);
    return leadRoomsOfCase(places.get(row.id) ?? { ownerTeamId: null }, directory);
  }

  /** Of these rows (a list, an export), those the actor may see: see `overseenBy`. */
  async shownTo<Row extends Pick<CaseRow, 'id' | 'owner_id'>>(
    actor: Actor,
    rows: Row[],
  ): Promise<Row[]> {
    return this.overseenBy(this.ctx.db, actor, rows);
  }

  /**
   * Of these rows, those the actor may see as a lead: a lead's own team's cases (`overseesCase`),
   * every row for anyone else (their own rules apply elsewhere). The lead's team is read now, not
   * from the session, with who leads which team.
   */
  private async overseenBy<Row extends Pick<CaseRow, 'id' | 'owner_id'>>(
    db: Db,
    actor: Actor,
    rows: Row[],
  ): Promise<Row[]> {
    if (actor.role !== 'lead' || rows.length === 0) return rows;
    const [member, directory, places] = await Promise.all([
      loadTeamMember(db, actor.id),
      loadTeamDirectory(db),
      loadCasePlaces(db, rows),
    ]);
    const viewer = { role: actor.role, teamId: member?.teamId ?? null };
    return rows.filter((row) =>
      overseesCase(viewer, places.get(row.id) ?? { ownerTeamId: null }, directory),
    );
  }
}

function defaultClass(rules: { clocks: { internal: { kind: string; defaultClass?: string } }[] }) {
  for (const clock of rules.clocks) {
    if (clock.internal.kind === 'service_class' && clock.internal.defaultClass) {
      return clock.internal.defaultClass;
    }
  }
  return null;
}
