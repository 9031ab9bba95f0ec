import type { Channel } from '../../shared/schemas/common';
import type { ScriptDefinition } from '../../shared/domain/guided-script';

/** The demo organisation: a ministry's public-service contact center. */

export const DEMO_TEAM = { id: 'team-layanan-1', name: 'Tim Layanan 1' };

export const DEMO_TOPICS = [
  { code: 'bansos', labelId: 'Bantuan sosial', labelEn: 'Social assistance' },
  { code: 'adminduk', labelId: 'Administrasi kependudukan', labelEn: 'Civil registration' },
  { code: 'kesehatan', labelId: 'Jaminan kesehatan (JKN)', labelEn: 'Health insurance (JKN)' },
  { code: 'pajak', labelId: 'Perpajakan', labelEn: 'Taxation' },
  {
    code: 'pendidikan',
    labelId: 'Pendidikan (KIP, PPDB)',
    labelEn: 'Education (KIP, school admission)',
  },
];

const TEXT_CHANNELS: Channel[] = ['sms', 'whatsapp', 'webchat', 'email', 'social'];
const ALL_CHANNELS: Channel[] = ['voice', ...TEXT_CHANNELS];

/**
 * Wrap-up time after a call is longer than after a chat (notes are typed after hanging up); after
 * two minutes' wait any contact may go to an agent with the general-information skill.
 */
const VOICE_WRAP_UP = {
  afterContactWorkMs: 30_000,
  overflowAfterMs: 120_000,
  overflowTopics: ['umum'],
};
const TEXT_WRAP_UP = {
  afterContactWorkMs: 15_000,
  overflowAfterMs: 120_000,
  overflowTopics: ['umum'],
};

export const DEMO_QUEUES: {
  id: string;
  name: string;
  topic: string;
  channels: Channel[];
  sort: number;
  afterContactWorkMs: number;
  overflowAfterMs: number | null;
  overflowTopics: string[];
}[] = [
  {
    id: 'q-bansos-suara',
    name: 'Bansos · Telepon',
    topic: 'bansos',
    channels: ['voice'],
    sort: 10,
    ...VOICE_WRAP_UP,
  },
  {
    id: 'q-bansos-digital',
    name: 'Bansos · Digital',
    topic: 'bansos',
    channels: TEXT_CHANNELS,
    sort: 11,
    ...TEXT_WRAP_UP,
  },
  {
    id: 'q-adminduk',
    name: 'Adminduk · Semua kanal',
    topic: 'adminduk',
    channels: ALL_CHANNELS,
    sort: 20,
    ...VOICE_WRAP_UP,
  },
  {
    id: 'q-kesehatan',
    name: 'JKN · Semua kanal',
    topic: 'kesehatan',
    channels: ALL_CHANNELS,
    sort: 30,
    ...VOICE_WRAP_UP,
  },
  {
    id: 'q-pajak-digital',
    name: 'Pajak · Digital',
    topic: 'pajak',
    channels: ['whatsapp', 'webchat', 'email'],
    sort: 40,
    ...TEXT_WRAP_UP,
  },
  {
    id: 'q-pajak-suara',
    name: 'Pajak · Telepon',
    topic: 'pajak',
    channels: ['voice', 'sms', 'social'],
    sort: 41,
    ...VOICE_WRAP_UP,
  },
  {
    id: 'q-pendidikan',
    name: 'Pendidikan · Semua kanal',
    topic: 'pendidikan',
    channels: ALL_CHANNELS,
    sort: 50,
    ...VOICE_WRAP_UP,
  },
];

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: 'agent' | 'lead' | 'trainer' | 'admin';
  isTrainee: boolean;
  skills: Record<string, number>;
}[] = [
  {
    username: 'agent1',
    displayName: 'Rina Wulandari',
    role: 'agent',
    isTrainee: false,
    skills: { bansos: 4, adminduk: 3, kesehatan: 2, umum: 3 },
  },
  {
    username: 'agent2',
    displayName: 'Budi Santoso',
    role: 'agent',
    isTrainee: false,
    skills: { pajak: 4, pendidikan: 3, kesehatan: 3, bansos: 2, umum: 3 },
  },
  {
    username: 'trainee1',
    displayName: 'Dewi Lestari',
    role: 'agent',
    isTrainee: true,
    skills: { umum: 2, bansos: 1, adminduk: 1 },
  },
  { username: 'lead1', displayName: 'Agus Prasetyo', role: 'lead', isTrainee: false, skills: {} },
  {
    username: 'trainer1',
    displayName: 'Maria Simanjuntak',
    role: 'trainer',
    isTrainee: false,
    skills: {},
  },
  { username: 'admin', displayName: 'Administrator', role: 'admin', isTrainee: false, skills: {} },
];

export const DEMO_PASSWORD = 'demo1234';

const opening = {
  id: 'salam',
  title: 'Salam pembuka',
  text: 'Selamat datang di layanan informasi publik. Saya {agent.name}. Dengan Bapak/Ibu {caller.name}, ada yang bisa kami bantu?',
};
const closing = {
  id: 'penutup',
  title: 'Penutup',
  text: 'Nomor referensi Bapak/Ibu {caller.name} adalah {reference}. Simpan nomor ini untuk menanyakan perkembangan. Terima kasih telah menghubungi kami.',
};

export const DEMO_SCRIPTS = [
  {
    id: 'script-bansos',
    topic: 'bansos',
    title: 'Pertanyaan bantuan sosial',
    steps: [
      opening,
      {
        id: 'verifikasi',
        title: 'Verifikasi',
        text: 'Mohon sebutkan nama sesuai KTP dan kabupaten/kota domisili. Kami tidak meminta PIN atau kata sandi apa pun.',
      },
      {
        id: 'cek-status',
        title: 'Cek status penerima',
        text: 'Status penerima bantuan dapat dicek di laman cekbansos dengan NIK dan nama. Penyaluran tahap berjalan dilakukan melalui bank Himbara dan PT Pos Indonesia.',
      },
      {
        id: 'usulan',
        title: 'Usulan atau sanggahan',
        text: 'Jika belum terdaftar, usulan dapat diajukan melalui desa/kelurahan (musyawarah desa) atau fitur usul di aplikasi. Kami catat permintaan ini dengan nomor {reference}.',
      },
      closing,
    ],
  },
  {
    id: 'script-adminduk',
    topic: 'adminduk',
    title: 'Layanan KTP-el dan Kartu Keluarga',
    steps: [
      opening,
      {
        id: 'kebutuhan',
        title: 'Kebutuhan dokumen',
        text: 'Apakah Bapak/Ibu {caller.name} mengurus KTP-el baru, penggantian karena hilang/rusak, atau perubahan data Kartu Keluarga?',
      },
      {
        id: 'syarat',
        title: 'Persyaratan',
        text: 'Layanan adminduk tidak dipungut biaya. Bawa fotokopi KK; untuk KTP-el hilang sertakan surat keterangan kehilangan dari kepolisian.',
      },
      {
        id: 'lokasi',
        title: 'Tempat layanan',
        text: 'Pengurusan dapat dilakukan di Disdukcapil kabupaten/kota sesuai domisili atau melalui layanan daring Disdukcapil setempat.',
      },
      closing,
    ],
  },
  {
    id: 'script-kesehatan',
    topic: 'kesehatan',
    title: 'Kepesertaan JKN',
    steps: [
      opening,
      {
        id: 'status',
        title: 'Status kepesertaan',
        text: 'Status kepesertaan JKN dapat dicek melalui aplikasi Mobile JKN atau kantor cabang BPJS Kesehatan terdekat.',
      },
      {
        id: 'nonaktif',
        title: 'Kepesertaan nonaktif',
        text: 'Bila kepesertaan PBI nonaktif, peserta dapat mengajukan reaktivasi melalui Dinas Sosial setempat dengan membawa KTP-el dan KK.',
      },
      closing,
    ],
  },
  {
    id: 'script-pajak',
    topic: 'pajak',
    title: 'Pertanyaan perpajakan',
    steps: [
      opening,
      {
        id: 'jenis',
        title: 'Jenis pertanyaan',
        text: 'Apakah pertanyaan Bapak/Ibu {caller.name} tentang pelaporan SPT Tahunan, NPWP, atau pembayaran pajak?',
      },
      {
        id: 'batas-waktu',
        title: 'Batas waktu',
        text: 'Batas pelaporan SPT Tahunan orang pribadi adalah 31 Maret; badan 30 April. Keterlambatan dikenai sanksi administrasi.',
      },
      closing,
    ],
  },
  {
    id: 'script-pendidikan',
    topic: 'pendidikan',
    title: 'KIP dan penerimaan peserta didik',
    steps: [
      opening,
      {
        id: 'program',
        title: 'Program',
        text: 'Apakah pertanyaan tentang Kartu Indonesia Pintar (KIP), Program Indonesia Pintar, atau penerimaan peserta didik baru?',
      },
      {
        id: 'jalur',
        title: 'Informasi',
        text: 'Pencairan PIP dilakukan melalui bank penyalur setelah aktivasi rekening; sekolah membantu proses aktivasi.',
      },
      closing,
    ],
  },
  {
    id: 'script-umum',
    topic: 'umum',
    title: 'Informasi umum',
    steps: [
      opening,
      {
        id: 'identifikasi',
        title: 'Identifikasi kebutuhan',
        text: 'Tanyakan kebutuhan informasi, lalu pastikan sumber jawaban berasal dari basis pengetahuan yang terverifikasi.',
      },
      closing,
    ],
  },
];

/**
 * The bansos script branches on whether the citizen is already registered in DTKS; verification
 * and the closing are required; the general public hears plainer words. The other scripts are
 * straight lists of steps.
 */
export const DEMO_SCRIPT_DEFINITIONS: Record<string, ScriptDefinition> = {
  'script-bansos': {
    startStepId: opening.id,
    steps: [
      { ...opening, next: 'verifikasi' },
      {
        id: 'verifikasi',
        title: 'Verifikasi',
        text: 'Mohon sebutkan nama sesuai KTP dan kabupaten/kota domisili. Kami tidak meminta PIN atau kata sandi apa pun.',
        plainText: {
          public:
            'Boleh saya tahu nama Bapak/Ibu seperti di KTP, dan tinggal di kota atau kabupaten mana? Kami tidak akan menanyakan PIN atau kata sandi.',
        },
        isRequired: true,
        next: 'terdaftar',
      },
      {
        id: 'terdaftar',
        title: 'Sudah terdaftar di DTKS?',
        text: 'Apakah Bapak/Ibu {caller.name} sudah terdaftar sebagai penerima di Data Terpadu Kesejahteraan Sosial (DTKS)?',
        plainText: {
          public:
            'Apakah Bapak/Ibu sudah pernah menerima bantuan atau sudah terdaftar sebagai penerima?',
        },
        options: [
          { id: 'sudah', label: 'Sudah terdaftar', next: 'cek-status' },
          { id: 'belum', label: 'Belum terdaftar', next: 'usulan' },
          { id: 'tidak-tahu', label: 'Tidak tahu', next: 'cek-status' },
        ],
      },
      {
        id: 'cek-status',
        title: 'Cek status penerima',
        text: 'Status penerima bantuan dapat dicek di laman cekbansos dengan NIK dan nama. Penyaluran tahap berjalan dilakukan melalui bank Himbara dan PT Pos Indonesia.',
        next: 'penutup',
      },
      {
        id: 'usulan',
        title: 'Usulan atau sanggahan',
        text: 'Usulan dapat diajukan melalui desa/kelurahan (musyawarah desa) atau fitur usul di aplikasi. Kami catat permintaan ini dengan nomor {reference}.',
        next: 'penutup',
      },
      { ...closing, isRequired: true, next: null },
    ],
  },
};
