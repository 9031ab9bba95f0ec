import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

const DEMO_CANNED_RESPONSES_SEEDED = 'seed:demo-canned-responses';

/**
 * The demo's canned responses: the floor's everyday sentences, in Bahasa Indonesia. Variables the
 * desk fills by itself (`{caller.name}`, `{reference}`, `{agent.name}`, `{tanggal}`, `{topik}`)
 * and some only the agent knows (`{jam}`, `{dokumen}`, `{unit}`, `{tanggal.kunjungan}`), which
 * the desk asks for before inserting.
 */
export const DEMO_CANNED_RESPONSES: readonly {
  code: string;
  title: string;
  text: string;
  topic: string | null;
}[] = [
  {
    code: 'salam',
    title: 'Salam pembuka',
    text: 'Selamat datang di layanan kontak kami, {caller.name}. Saya {agent.name}, ada yang bisa saya bantu?',
    topic: null,
  },
  {
    code: 'nomor-tiket',
    title: 'Nomor tiket untuk dicatat',
    text: 'Nomor tiket Anda {reference}. Mohon disimpan untuk menanyakan perkembangan pengaduan Anda.',
    topic: null,
  },
  {
    code: 'mohon-tunggu',
    title: 'Mohon menunggu sebentar',
    text: 'Mohon ditunggu sebentar, {caller.name}. Saya sedang memeriksa data Anda.',
    topic: null,
  },
  {
    code: 'minta-dokumen',
    title: 'Minta dokumen pendukung',
    text: 'Agar dapat kami proses, mohon kirimkan foto {dokumen} melalui percakapan ini. Pastikan tulisan terbaca jelas.',
    topic: null,
  },
  {
    code: 'tindak-lanjut',
    title: 'Diteruskan ke unit',
    text: 'Pertanyaan Anda sudah kami teruskan ke {unit} dengan nomor {reference} pada {tanggal}. Petugas akan menghubungi Anda paling lambat {jam}.',
    topic: null,
  },
  {
    code: 'jam-layanan',
    title: 'Jam layanan kantor',
    text: 'Layanan tatap muka buka Senin sampai Jumat pukul 08.00–15.00 waktu setempat, kecuali hari libur nasional dan cuti bersama.',
    topic: null,
  },
  {
    code: 'penutup',
    title: 'Penutup percakapan',
    text: 'Terima kasih telah menghubungi kami, {caller.name}. Apabila ada pertanyaan lain, silakan hubungi kami kembali dengan menyebut nomor {reference}.',
    topic: null,
  },
  {
    code: 'cek-dtks',
    title: 'Cek status DTSEN/DTKS',
    text: 'Status kepesertaan bansos dapat dicek mandiri di cekbansos.kemensos.go.id dengan memasukkan nama sesuai KTP dan wilayah domisili. Bila belum terdaftar, silakan mengusulkan melalui desa/kelurahan.',
    topic: 'bansos',
  },
  {
    code: 'jadwal-dukcapil',
    title: 'Jadwal ke Dukcapil',
    text: 'Silakan datang ke kantor Dinas Dukcapil {unit} pada {tanggal.kunjungan} dengan membawa KK asli dan nomor tiket {reference}.',
    topic: 'adminduk',
  },
  {
    code: 'gratis',
    title: 'Layanan tanpa biaya',
    text: 'Seluruh layanan ini tidak dipungut biaya. Bila ada yang meminta imbalan, mohon laporkan kepada kami dengan menyebut nomor {reference}.',
    topic: null,
  },
  {
    code: 'bpjs-faskes',
    title: 'Pindah faskes tingkat pertama',
    text: 'Perpindahan faskes tingkat pertama dapat dilakukan melalui aplikasi Mobile JKN setelah terdaftar minimal 3 bulan di faskes sebelumnya.',
    topic: 'kesehatan',
  },
];

/** Seeds the demo canned responses once per database (a retired one stays retired). */
export async function seedDemoCannedResponses(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('meta')
      .select('key')
      .where('key', '=', DEMO_CANNED_RESPONSES_SEEDED)
      .executeTakeFirst();
    if (done) return false;
    const author = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'trainer1')
      .executeTakeFirst();
    if (!author) return false;
    await trx
      .insertInto('canned_responses')
      .values(
        DEMO_CANNED_RESPONSES.map((response, index) => ({
          id: `canned-${response.code}`,
          code: response.code,
          title: response.title,
          text: response.text,
          topic: response.topic,
          status: 'active',
          created_by: author.id,
          created_at: now + index,
          updated_by: author.id,
          updated_at: now + index,
          retired_at: null,
        })),
      )
      .execute();
    await trx
      .insertInto('meta')
      .values({ key: DEMO_CANNED_RESPONSES_SEEDED, value: String(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return true;
  });
}
