import type { Channel, SegmentCode } from '../../shared/schemas/common';

/** Realistic demo traffic: Indonesian names, numbers and the questions a ministry hears daily. */

export const FIRST_NAMES = [
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Sri',
  'Agus',
  'Nur',
  'Eko',
  'Wahyu',
  'Putri',
  'Rizky',
  'Fitri',
  'Hendra',
  'Yuliana',
  'Made',
  'Ketut',
  'Andi',
  'Ratna',
  'Joko',
  'Lestari',
  'Bayu',
  'Intan',
  'Teguh',
  'Maria',
  'Yohanes',
  'Fransiska',
  'Daniel',
  'Aisyah',
  'Fajar',
  'Kurniawati',
];

export const LAST_NAMES = [
  'Rahayu',
  'Hidayat',
  'Saputra',
  'Wibowo',
  'Susanti',
  'Kusuma',
  'Setiawan',
  'Siregar',
  'Nasution',
  'Pratama',
  'Simanjuntak',
  'Wijaya',
  'Hasibuan',
  'Purba',
  'Lubis',
  'Sitompul',
  'Gunawan',
  'Permana',
  'Halim',
  'Nugroho',
  'Tanjung',
  'Manurung',
  'Sinaga',
  'Harahap',
  'Sembiring',
];

export const ORGANISATIONS: Record<Exclude<SegmentCode, 'public'>, string[]> = {
  academia: [
    'Universitas Gadjah Mada',
    'Universitas Indonesia',
    'Institut Pertanian Bogor',
    'Universitas Airlangga',
  ],
  observer: [
    'Lembaga Kajian Kebijakan Publik',
    'Indonesia Budget Center',
    'Pusat Studi Kebijakan Sosial',
  ],
  official: [
    'DPRD Provinsi Jawa Tengah',
    'Pemerintah Kota Medan',
    'Bappeda Kabupaten Sleman',
    'Sekretariat DPR RI',
  ],
  media: ['Harian Kompas', 'Tempo', 'Antara', 'Detikcom', 'RRI Pro 3', 'Metro TV'],
};

export const QUESTIONS: Record<string, string[]> = {
  bansos: [
    'Selamat siang, saya mau tanya kenapa bantuan PKH ibu saya belum cair bulan ini?',
    'Bagaimana cara mendaftar sebagai penerima BPNT? Saya baru pindah domisili.',
    'Nama saya hilang dari data penerima bansos, padahal tahun lalu masih dapat. Mohon dicek.',
    'Apakah benar ada bantuan langsung tunai tahap baru? Kapan jadwal penyalurannya di Kabupaten Bogor?',
    'Saya ingin melaporkan penyaluran bansos yang dipotong oleh oknum di desa kami.',
  ],
  adminduk: [
    'KTP-el saya hilang, apa saja syarat untuk membuat yang baru?',
    'Bagaimana cara memperbarui Kartu Keluarga setelah anak saya lahir?',
    'Data di KTP saya salah tanggal lahirnya, bagaimana memperbaikinya?',
    'Apakah pembuatan akta kelahiran bisa dilakukan secara daring?',
  ],
  kesehatan: [
    'Kartu KIS saya tiba-tiba nonaktif saat berobat di puskesmas. Bagaimana mengaktifkannya kembali?',
    'Berapa iuran BPJS Kesehatan kelas 3 untuk peserta mandiri sekarang?',
    'Rumah sakit meminta biaya tambahan padahal saya peserta JKN. Apakah itu dibenarkan?',
  ],
  pajak: [
    'Saya lupa EFIN untuk lapor SPT, bagaimana cara mendapatkannya lagi?',
    'Apakah NIK sudah bisa dipakai sebagai NPWP untuk lapor SPT tahun ini?',
    'Saya terlambat lapor SPT Tahunan, berapa dendanya?',
  ],
  pendidikan: [
    'Bagaimana cara mengecek apakah anak saya terdaftar sebagai penerima PIP?',
    'Dana KIP Kuliah belum masuk ke rekening, siapa yang harus saya hubungi?',
    'Kapan jadwal PPDB jalur zonasi tingkat SMP dibuka?',
  ],
  umum: [
    'Saya ingin meminta salinan dokumen anggaran program bantuan tahun ini. Bagaimana prosedurnya?',
    'Ke mana saya harus menyampaikan pengaduan tentang pelayanan kantor kecamatan?',
    'Apakah ada informasi resmi tentang perubahan kebijakan subsidi listrik tahun depan?',
  ],
};

/** Questions that a given segment typically asks, beyond the topic's usual ones. */
export const SEGMENT_QUESTIONS: Partial<Record<SegmentCode, string[]>> = {
  media: [
    'Kami dari redaksi, mohon konfirmasi resmi mengenai jumlah penerima bantuan yang dicoret bulan ini untuk berita sore.',
    'Apakah kementerian akan memberikan pernyataan resmi soal keterlambatan penyaluran di Nusa Tenggara Timur?',
  ],
  official: [
    'Kami dari DPRD meminta data rekapitulasi aduan masyarakat per kabupaten untuk rapat dengar pendapat besok.',
  ],
  academia: [
    'Untuk keperluan penelitian, apakah data agregat penerima bantuan per provinsi dapat diminta secara resmi?',
  ],
  observer: [
    'Kami memantau implementasi kebijakan ini; mohon informasi dasar hukum dan tanggal efektif perubahan aturannya.',
  ],
};

export const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['voice', 30],
  ['whatsapp', 30],
  ['webchat', 15],
  ['sms', 8],
  ['email', 10],
  ['social', 7],
];

export const SEGMENT_WEIGHTS: [SegmentCode, number][] = [
  ['public', 70],
  ['media', 8],
  ['academia', 7],
  ['observer', 7],
  ['official', 8],
];
