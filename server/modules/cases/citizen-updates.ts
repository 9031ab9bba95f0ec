/**
 * Status updates to the citizen through the channel they used, quoting the reference. The message
 * is queued (an outbound row) in the same transaction as the change it reports, and the delivery
 * job sends it with its retries: a change is never reported that did not happen, and a committed
 * change is never left unreported by a crash. Voice-only cases have no channel to write to.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseStatus } from '../../../shared/schemas/case';
import { formatIsoInZone } from '../../../shared/domain/zoned-time';
import type { Database } from '../../store/schema';

/** How the citizen reads a status, in Bahasa Indonesia (the channel's language). */
const STATUS_FOR_CITIZEN: Partial<Record<CaseStatus, string>> = {
  registered: 'telah diregistrasi',
  incomplete: 'memerlukan kelengkapan dari Anda',
  in_review: 'sedang diperiksa',
  forwarded: 'diteruskan kepada badan publik yang menguasai informasi',
  notice_sent: 'telah diberi pemberitahuan tertulis',
  delivered: 'informasinya telah diserahkan',
  with_superior: 'sedang diperiksa atasan PPID',
  decided: 'telah diputus',
  escalated_ki: 'diteruskan ke Komisi Informasi',
  acknowledged: 'telah kami terima dan periksa kelengkapannya',
  awaiting_complainant: 'memerlukan kelengkapan dari Anda',
  complete: 'berkasnya lengkap',
  disposed: 'telah didisposisikan ke unit terkait',
  in_progress: 'sedang ditangani',
  resolved: 'telah selesai ditangani',
  reopened: 'dibuka kembali',
  deemed_withdrawn: 'dianggap dicabut',
  answered: 'telah dijawab',
  converted: 'dicatat sebagai permohonan informasi publik',
  followed_up: 'telah ditindaklanjuti',
  identity_verified: 'identitas Anda telah diverifikasi',
  done: 'telah dipenuhi',
  refused: 'tidak dapat dipenuhi',
  closed: 'telah ditutup',
  withdrawn: 'telah dicabut',
};

export type CitizenUpdate =
  | { kind: 'opened'; reference: string; legalDueAt: number | null; timeZone: string }
  | { kind: 'status'; reference: string; status: CaseStatus }
  | { kind: 'extended'; reference: string; legalDueAt: number; reason: string; timeZone: string };

export function citizenUpdateText(update: CitizenUpdate): string {
  const due = (at: number, zone: string) =>
    formatIsoInZone(at, zone).slice(0, 16).replace('T', ' ');
  switch (update.kind) {
    case 'opened':
      return update.legalDueAt === null
        ? `Permintaan Anda kami catat dengan nomor ${update.reference}. Sebutkan nomor ini untuk menanyakan perkembangannya.`
        : `Permintaan Anda kami catat dengan nomor ${update.reference}. Batas waktu jawaban: ${due(update.legalDueAt, update.timeZone)}. Sebutkan nomor ini untuk menanyakan perkembangannya.`;
    case 'status':
      return `Permintaan ${update.reference} ${STATUS_FOR_CITIZEN[update.status] ?? update.status}.`;
    case 'extended':
      return `Jangka waktu permintaan ${update.reference} diperpanjang sampai ${due(update.legalDueAt, update.timeZone)}. Alasan: ${update.reason}`;
  }
}

/**
 * Queues the update on the case's latest contact on a text channel; none for a case reached only
 * by voice or opened without a contact. Call inside the change's transaction.
 */
export async function queueCitizenUpdate(
  trx: Kysely<Database>,
  caseId: string,
  update: CitizenUpdate,
  now: number,
): Promise<boolean> {
  const contact = await trx
    .selectFrom('case_contacts')
    .innerJoin('contacts', 'contacts.id', 'case_contacts.contact_id')
    .select('contacts.id')
    .where('case_contacts.case_id', '=', caseId)
    .where('contacts.channel', '!=', 'voice')
    .orderBy('contacts.arrived_at', 'desc')
    .executeTakeFirst();
  if (!contact) return false;
  await trx
    .insertInto('messages')
    .values({
      id: randomUUID(),
      contact_id: contact.id,
      direction: 'outbound',
      text: citizenUpdateText(update),
      at: now,
      author_id: null,
      external_key: null,
      delivery_status: 'queued',
      failure_reason: null,
      next_attempt_at: now,
    })
    .execute();
  return true;
}
