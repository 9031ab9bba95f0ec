import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

const SEED_KEY = 'seed:demo-policies';
const DAY = 86_400_000;

/** The demo catalog: three policies the public asks about most, each with a running campaign. */
export const DEMO_POLICIES = [
  {
    id: 'pol-pkh-2026',
    title: 'PKH 2026: pemutakhiran data DTSEN',
    plainSummary:
      'Mulai 2026, bantuan PKH hanya cair bagi keluarga yang datanya sudah diperbarui di DTSEN. Cek status di aplikasi Cek Bansos atau tanyakan ke pendamping PKH; perbaikan data lewat dinas sosial setempat, gratis.',
    unitId: 'pusat-kontak',
    answerIds: ['kb-pkh-apa', 'kb-pkh-syarat', 'kb-pkh-cek'],
    campaign: {
      id: 'camp-pkh-dtsen',
      message:
        'Info penting: mulai 2026 bantuan PKH hanya cair bila data keluarga sudah diperbarui di DTSEN. Cek di aplikasi Cek Bansos atau hubungi pendamping PKH. Layanan ini gratis.',
      segments: [],
      topics: ['bansos'],
      channels: [],
    },
    publicQuestion: 'Bagaimana cara memastikan PKH saya tetap cair setelah pemutakhiran DTSEN?',
  },
  {
    id: 'pol-kip-kuliah-2026',
    title: 'KIP Kuliah 2026: pendaftaran dibuka',
    plainSummary:
      'Pendaftaran KIP Kuliah 2026 dibuka untuk lulusan SMA/SMK sederajat dari keluarga kurang mampu. Daftar gratis di situs resmi KIP Kuliah sebelum mendaftar seleksi kampus; siapkan NIK, NISN dan NPSN sekolah.',
    unitId: 'pusat-kontak',
    answerIds: ['kb-kip-kuliah-apa', 'kb-kip-kuliah-daftar'],
    campaign: {
      id: 'camp-kip-kuliah',
      message:
        'Pendaftaran KIP Kuliah 2026 sudah dibuka dan gratis. Daftar di situs resmi KIP Kuliah dengan NIK, NISN dan NPSN sekolah sebelum seleksi kampus.',
      segments: ['public', 'academia'],
      topics: ['pendidikan'],
      channels: [],
    },
    publicQuestion: 'Apakah pendaftaran KIP Kuliah dipungut biaya?',
  },
  {
    id: 'pol-jkn-pbi-2026',
    title: 'BPJS Kesehatan PBI: penonaktifan dan reaktivasi',
    plainSummary:
      'Peserta JKN PBI yang tidak lagi tercatat di DTSEN dapat dinonaktifkan. Bila kartu nonaktif padahal masih tidak mampu, minta reaktivasi lewat dinas sosial; dalam keadaan gawat darurat tetap dilayani.',
    unitId: 'kanwil-sulsel',
    answerIds: ['kb-jkn-pbi-apa', 'kb-jkn-reaktivasi'],
    campaign: {
      id: 'camp-jkn-pbi',
      message:
        'Bila kartu JKN PBI Anda nonaktif padahal masih tidak mampu, ajukan reaktivasi lewat dinas sosial setempat. Gawat darurat tetap dilayani.',
      segments: [],
      topics: ['kesehatan'],
      channels: [],
    },
    publicQuestion: 'Kartu BPJS PBI saya nonaktif, bagaimana mengaktifkannya lagi?',
  },
] as const;

/**
 * With DEMO=on, after the knowledge base: the demo policies (published, linked to their answers),
 * a campaign for each running from yesterday for 90 days, and one editor-approved FAQ question
 * each. Once per database.
 */
export async function seedDemoPolicies(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('meta')
      .select('key')
      .where('key', '=', SEED_KEY)
      .executeTakeFirst();
    if (done) return false;
    const admin = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirst();
    if (!admin) return false;
    const answers = await trx.selectFrom('knowledge_answers').select('id').execute();
    const known = new Set(answers.map((a) => a.id));
    for (const policy of DEMO_POLICIES) {
      await trx
        .insertInto('policies')
        .values({
          id: policy.id,
          title: policy.title,
          plain_summary: policy.plainSummary,
          effective_from: now - 30 * DAY,
          unit_id: policy.unitId,
          status: 'published',
          published_at: now - 30 * DAY,
          retired_at: null,
          internal_note: 'Demo: angka dan tanggal perlu diverifikasi unit pemilik.',
          created_by: admin.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const links = policy.answerIds.filter((id) => known.has(id));
      if (links.length > 0) {
        await trx
          .insertInto('policy_links')
          .values(
            links.map((item_id, position) => ({
              policy_id: policy.id,
              kind: 'answer',
              item_id,
              position,
            })),
          )
          .execute();
      }
      await trx
        .insertInto('policy_campaigns')
        .values({
          id: policy.campaign.id,
          policy_id: policy.id,
          message: policy.campaign.message,
          segments: JSON.stringify(policy.campaign.segments),
          topics: JSON.stringify(policy.campaign.topics),
          channels: JSON.stringify(policy.campaign.channels),
          starts_at: now - DAY,
          ends_at: now + 90 * DAY,
          stopped_at: null,
          created_by: admin.id,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('policy_public_questions')
        .values({
          id: `${policy.id}-q1`,
          policy_id: policy.id,
          text: policy.publicQuestion,
          answer_id: null,
          approved_by: admin.id,
          approved_at: now,
        })
        .execute();
    }
    await trx
      .insertInto('meta')
      .values({ key: SEED_KEY, value: String(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return true;
  });
}
