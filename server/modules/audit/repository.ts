import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../../shared/schemas/case';
import { auditHash, verifyChain } from '../../domain/audit-chain';
import { AUDIT_GENESIS_HASH } from '../../store/migrations/0009-cases';
import type { Database } from '../../store/schema';

export type AuditAction =
  | 'case.created'
  | 'case.transitioned'
  | 'case.contact_linked'
  | 'clock.extended'
  | 'clock.paused'
  | 'clock.resumed'
  | 'clock.breached'
  | 'case.escalated'
  | 'handoff.sent'
  | 'handoff.acknowledged'
  | 'handoff.returned'
  | 'handoff.bounced'
  | 'personal_data.viewed'
  | 'reply.decided'
  | 'trainee.plan_changed'
  | 'coaching.settings_changed'
  | 'evaluation.recorded'
  | 'conversation.transferred_to_queue'
  | 'evaluation_form.saved'
  | 'evaluation_form.archived'
  | 'evaluation_form.restored';

export interface AuditEntry {
  at: number;
  actorId: string | null;
  caseId: string | null;
  action: AuditAction;
  data: Record<string, unknown>;
}

/**
 * Appends one row to the chain. Call inside the transaction of the change it records, so the
 * change and its audit row commit together. Taking the head with an UPDATE locks it until the
 * commit: concurrent appends (two nodes on one PostgreSQL) queue behind it and never fork the
 * chain; SQLite has one writer anyway.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<number> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const content = {
    seq: Number(head.seq),
    at: entry.at,
    actorId: entry.actorId,
    caseId: entry.caseId,
    action: entry.action,
    data: JSON.stringify(entry.data),
  };
  const hash = auditHash(head.hash, content);
  await trx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      at: content.at,
      actor_id: content.actorId,
      case_id: content.caseId,
      action: content.action,
      data: content.data,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return content.seq;
}

/** Reads the whole log in order and checks the chain and the head. */
export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditVerification> {
  const [rows, head] = await Promise.all([
    db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
    db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst(),
  ]);
  const problems = verifyChain(
    rows.map((row) => ({
      seq: Number(row.seq),
      at: Number(row.at),
      actorId: row.actor_id,
      caseId: row.case_id,
      action: row.action,
      data: row.data,
      prevHash: row.prev_hash,
      hash: row.hash,
    })),
    AUDIT_GENESIS_HASH,
    head ? { seq: Number(head.seq), hash: head.hash } : undefined,
  );
  if (!head) problems.push({ seq: null, problem: 'the chain head is missing' });
  return { isIntact: problems.length === 0, rows: rows.length, problems };
}

export interface AuditRecord {
  seq: number;
  at: number;
  actorId: string | null;
  action: string;
  data: unknown;
}

export async function loadCaseAudit(db: Kysely<Database>, caseId: string): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: Number(row.at),
    actorId: row.actor_id,
    action: row.action,
    data: JSON.parse(row.data) as unknown,
  }));
}
