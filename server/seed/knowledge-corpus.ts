/**
 * The demo knowledge base: policy answers in Bahasa Indonesia, written from templates (programme ×
 * question) so the corpus is large enough to test search ranking (200+) and still reads like
 * answers an agent would send. Regulations are the real instruments for each programme; the
 * article numbers and amounts are illustrative demo content, to be verified by the owning unit
 * before any real use.
 */

export interface CorpusAnswer {
  /** Stable, so seeding twice or across instances gives the same ids. */
  id: string;
  topic: string;
  unitId: string;
  title: string;
  body: string;
  summary: string;
  sourceDocument: string;
  sourceArticle: string;
}

interface Programme {
  code: string;
  topic: string;
  unitId: string;
  /** As citizens say it: `PKH`, `KTP-el`, `KIP Kuliah`. */
  short: string;
  /** The full name, used once per answer. */
  name: string;
  agency: string;
  /** Who it is for. */
  audience: string;
  requirements: string[];
  /** Where and how to apply, as a sentence fragment after "dengan cara". */
  apply: string;
  /** Where to check the status. */
  check: string;
  benefit: string;
  schedule: string;
  /** Why a citizen may be left out or dropped, as a sentence. */
  dropped: string;
  /** The trouble as a citizen would name it: the title of the answer about `dropped`. */
  problem: string;
  source: string;
  /** First article number; each question cites the next one. */
  article: number;
}

const PROGRAMMES: Programme[] = [
  {
    code: 'pkh',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    short: 'PKH',
    name: 'Program Keluarga Harapan',
    agency: 'Kementerian Sosial',
    audience:
      'keluarga miskin dan rentan yang memiliki ibu hamil, anak usia dini, anak sekolah, lansia, atau penyandang disabilitas berat',
    requirements: [
      'KTP-el dan Kartu Keluarga',
      'terdaftar di DTSEN (data tunggal sosial ekonomi)',
      'memiliki komponen keluarga yang memenuhi syarat',
    ],
    apply:
      'mengusulkan diri melalui desa atau kelurahan agar masuk DTSEN, atau melalui fitur "Usul" di aplikasi Cek Bansos',
    check:
      'situs cekbansos.kemensos.go.id atau aplikasi Cek Bansos dengan memasukkan wilayah dan nama sesuai KTP',
    benefit:
      'bantuan tunai per komponen, misalnya ibu hamil dan anak usia dini Rp3.000.000 per tahun dan lansia Rp2.400.000 per tahun',
    schedule: 'disalurkan dalam empat tahap per tahun melalui Bank Himbara atau PT Pos Indonesia',
    dropped:
      'Kepesertaan dapat berakhir bila keluarga sudah tidak memiliki komponen, dinilai sudah mampu dalam pemutakhiran data, atau data NIK tidak padan dengan Dukcapil',
    problem: 'PKH tidak cair atau kepesertaan dihentikan',
    source: 'Permensos 1/2018',
    article: 5,
  },
  {
    code: 'sembako',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    short: 'Program Sembako',
    name: 'Program Sembako (Bantuan Pangan Non Tunai/BPNT)',
    agency: 'Kementerian Sosial',
    audience: 'keluarga penerima manfaat dengan kondisi sosial ekonomi terendah di DTSEN',
    requirements: [
      'KTP-el dan Kartu Keluarga',
      'terdaftar di DTSEN',
      'tidak termasuk ASN, anggota TNI/Polri, atau pegawai BUMN',
    ],
    apply:
      'mengajukan usulan ke desa atau kelurahan untuk dibahas dalam musyawarah desa, lalu diverifikasi dinas sosial kabupaten/kota',
    check: 'cekbansos.kemensos.go.id atau pendamping sosial di kecamatan',
    benefit: 'Rp200.000 per bulan untuk membeli bahan pangan',
    schedule:
      'disalurkan per dua atau tiga bulan melalui Kartu Keluarga Sejahtera atau PT Pos Indonesia',
    dropped:
      'Penerima dapat dikeluarkan bila tercatat meninggal, pindah tanpa lapor, atau dinilai sudah mampu dalam pemutakhiran DTSEN',
    problem: 'Program Sembako tidak cair atau nama hilang dari daftar',
    source: 'Permensos 20/2019',
    article: 3,
  },
  {
    code: 'blt-desa',
    topic: 'bansos',
    unitId: 'kanwil-sulsel',
    short: 'BLT Dana Desa',
    name: 'Bantuan Langsung Tunai Dana Desa',
    agency: 'pemerintah desa dengan pengawasan Kementerian Desa',
    audience: 'keluarga miskin ekstrem di desa yang belum menerima PKH atau Program Sembako',
    requirements: [
      'KTP-el dan Kartu Keluarga dengan alamat di desa tersebut',
      'ditetapkan dalam musyawarah desa khusus',
      'tidak menerima bansos lain dari pemerintah pusat',
    ],
    apply:
      'mengusulkan diri kepada kepala dusun atau RT, lalu nama dibahas dalam musyawarah desa khusus',
    check: 'papan pengumuman di kantor desa atau kepada perangkat desa',
    benefit: 'Rp300.000 per bulan per keluarga',
    schedule: 'dibayarkan oleh desa setiap bulan atau dirapel sesuai ketersediaan Dana Desa',
    dropped:
      'Nama dapat diganti dalam musyawarah desa bila keluarga sudah menerima bansos lain atau tidak lagi miskin ekstrem',
    problem: 'Tidak menerima BLT Dana Desa atau nama diganti',
    source: 'PMK 145/2023',
    article: 32,
  },
  {
    code: 'atensi',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    short: 'ATENSI',
    name: 'Asistensi Rehabilitasi Sosial',
    agency: 'Kementerian Sosial melalui sentra dan balai',
    audience:
      'anak yatim piatu, penyandang disabilitas, lansia terlantar, dan korban bencana atau kekerasan',
    requirements: [
      'KTP-el atau Kartu Keluarga (bagi anak, KK wali)',
      'surat keterangan dari dinas sosial atau hasil asesmen pekerja sosial',
    ],
    apply:
      'melapor ke dinas sosial kabupaten/kota atau sentra Kemensos terdekat untuk dilakukan asesmen',
    check: 'pekerja sosial yang menangani atau dinas sosial setempat',
    benefit:
      'bantuan sesuai hasil asesmen: kebutuhan hidup layak, alat bantu, terapi, atau dukungan keluarga',
    schedule: 'diberikan setelah asesmen selesai, biasanya dalam 14 hari kerja',
    dropped:
      'Bantuan dapat tidak diberikan bila hasil asesmen menunjukkan kebutuhan sudah dipenuhi program lain',
    problem: 'Pengajuan ATENSI belum ditanggapi atau ditolak',
    source: 'Permensos 7/2021',
    article: 4,
  },
  {
    code: 'dtsen',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    short: 'DTSEN',
    name: 'Data Tunggal Sosial dan Ekonomi Nasional',
    agency: 'Badan Pusat Statistik dan Kementerian Sosial',
    audience: 'seluruh keluarga yang ingin diperhitungkan untuk program perlindungan sosial',
    requirements: [
      'NIK yang sudah padan dengan data Dukcapil',
      'Kartu Keluarga terbaru',
      'alamat domisili yang dapat dikunjungi petugas',
    ],
    apply:
      'mendaftar melalui desa atau kelurahan, atau fitur "Usul" dan "Sanggah" di aplikasi Cek Bansos',
    check: 'aplikasi Cek Bansos atau operator SIKS-NG di desa atau kelurahan',
    benefit:
      'desil kesejahteraan yang menjadi dasar penetapan penerima PKH, Program Sembako, dan PBI JKN',
    schedule: 'dimutakhirkan setiap bulan dan ditetapkan secara berkala oleh Menteri Sosial',
    dropped:
      'Data dapat berubah desilnya bila hasil verifikasi lapangan menunjukkan kondisi ekonomi membaik',
    problem: 'Nama tidak ada atau desil berubah di DTSEN',
    source: 'Inpres 4/2025',
    article: 1,
  },
  {
    code: 'ktp-el',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    short: 'KTP-el',
    name: 'Kartu Tanda Penduduk elektronik',
    agency: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) kabupaten/kota',
    audience: 'warga negara Indonesia yang berusia 17 tahun atau sudah/pernah menikah',
    requirements: [
      'Kartu Keluarga',
      'sudah berusia 17 tahun atau sudah/pernah menikah',
      'hadir untuk perekaman sidik jari, iris mata, dan foto',
    ],
    apply: 'datang ke Disdukcapil atau kantor kecamatan untuk perekaman biometrik',
    check: 'petugas Disdukcapil atau layanan daring Disdukcapil kabupaten/kota',
    benefit: 'identitas resmi yang berlaku seumur hidup',
    schedule:
      'dicetak setelah perekaman dan verifikasi, umumnya di hari yang sama bila blangko tersedia',
    dropped:
      'Pencetakan dapat tertunda bila ditemukan data ganda (duplicate record) yang harus diselesaikan lebih dulu',
    problem: 'KTP-el belum bisa dicetak setelah perekaman',
    source: 'UU 24/2013',
    article: 63,
  },
  {
    code: 'kk',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    short: 'Kartu Keluarga',
    name: 'Kartu Keluarga (KK)',
    agency: 'Disdukcapil kabupaten/kota',
    audience: 'setiap keluarga yang berdomisili di Indonesia',
    requirements: [
      'KK lama (untuk perubahan)',
      'buku nikah atau akta perkawinan untuk KK baru',
      'surat keterangan pindah bila pindah alamat',
    ],
    apply: 'mengajukan di Disdukcapil, kantor kecamatan, atau layanan daring Disdukcapil setempat',
    check: 'petugas Disdukcapil atau layanan daring Disdukcapil',
    benefit: 'dokumen susunan keluarga yang menjadi dasar layanan publik lain',
    schedule:
      'diterbitkan paling lambat 1 hari kerja sejak berkas lengkap; KK dicetak di kertas HVS dengan tanda tangan elektronik',
    dropped:
      'Permohonan dapat dikembalikan bila dokumen pendukung belum lengkap atau data tidak sesuai',
    problem: 'Permohonan Kartu Keluarga dikembalikan',
    source: 'Perpres 96/2018',
    article: 11,
  },
  {
    code: 'akta-lahir',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    short: 'akta kelahiran',
    name: 'Akta Kelahiran',
    agency: 'Disdukcapil kabupaten/kota',
    audience: 'setiap anak yang lahir, termasuk yang terlambat dicatatkan',
    requirements: [
      'surat keterangan lahir dari bidan, dokter, atau kepala desa',
      'Kartu Keluarga orang tua',
      'buku nikah orang tua bila ada; bila tidak ada, SPTJM',
    ],
    apply:
      'melapor ke Disdukcapil atau melalui layanan daring, paling lambat 60 hari sejak kelahiran',
    check: 'petugas Disdukcapil atau layanan daring Disdukcapil',
    benefit: 'bukti sah identitas dan kewarganegaraan anak',
    schedule: 'diterbitkan paling lambat 1 hari kerja sejak berkas lengkap',
    dropped: 'Permohonan dapat tertunda bila nama di surat keterangan lahir berbeda dengan KK',
    problem: 'Akta kelahiran belum terbit',
    source: 'UU 24/2013',
    article: 27,
  },
  {
    code: 'akta-mati',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    short: 'akta kematian',
    name: 'Akta Kematian',
    agency: 'Disdukcapil kabupaten/kota',
    audience: 'ahli waris atau keluarga dari penduduk yang meninggal dunia',
    requirements: [
      'surat keterangan kematian dari rumah sakit atau kepala desa',
      'KTP-el dan KK almarhum',
      'KTP-el pelapor',
    ],
    apply: 'melapor ke Disdukcapil paling lambat 30 hari sejak kematian, dapat diwakili RT/RW',
    check: 'petugas Disdukcapil atau layanan daring Disdukcapil',
    benefit: 'dasar pengurusan waris, pensiun janda/duda, dan pemutakhiran KK',
    schedule: 'diterbitkan paling lambat 1 hari kerja sejak berkas lengkap',
    dropped:
      'Bila kematian tidak dilaporkan, NIK almarhum tetap aktif dan dapat menghambat layanan bagi keluarga',
    problem: 'Akibat bila akta kematian tidak diurus',
    source: 'UU 24/2013',
    article: 44,
  },
  {
    code: 'pindah',
    topic: 'adminduk',
    unitId: 'kanwil-sulsel',
    short: 'pindah domisili',
    name: 'Surat Keterangan Pindah (pindah domisili)',
    agency: 'Disdukcapil daerah asal dan daerah tujuan',
    audience: 'penduduk yang pindah alamat antar desa, kecamatan, kabupaten, atau provinsi',
    requirements: ['Kartu Keluarga', 'KTP-el', 'alamat tujuan yang lengkap'],
    apply:
      'mengajukan surat pindah di Disdukcapil asal atau secara daring, lalu melapor ke Disdukcapil tujuan',
    check: 'Disdukcapil daerah tujuan atau layanan daring Disdukcapil',
    benefit: 'KK dan KTP-el baru dengan alamat tujuan, tanpa perlu perekaman ulang',
    schedule:
      'surat pindah terbit paling lambat 1 hari kerja; KK di daerah tujuan paling lambat 1 hari kerja setelah lapor',
    dropped: 'Permohonan dapat tertunda bila masih ada data ganda atau alamat tujuan tidak lengkap',
    problem: 'Surat pindah domisili tertunda',
    source: 'Permendagri 108/2019',
    article: 15,
  },
  {
    code: 'ikd',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    short: 'IKD',
    name: 'Identitas Kependudukan Digital',
    agency: 'Ditjen Dukcapil Kementerian Dalam Negeri',
    audience: 'pemilik KTP-el yang memiliki ponsel pintar',
    requirements: [
      'sudah memiliki KTP-el',
      'ponsel pintar dengan nomor dan surel aktif',
      'verifikasi wajah',
    ],
    apply:
      'mengunduh aplikasi IKD lalu melakukan aktivasi dengan memindai kode QR di Disdukcapil atau petugas jemput bola',
    check: 'aplikasi IKD pada menu profil',
    benefit: 'KTP dalam bentuk digital yang dapat dipakai untuk layanan yang sudah menerima IKD',
    schedule: 'langsung aktif setelah verifikasi wajah dan pemindaian kode QR berhasil',
    dropped:
      'Aktivasi dapat gagal bila foto wajah tidak cocok dengan data perekaman atau nomor ponsel sudah dipakai akun lain',
    problem: 'Aktivasi IKD gagal',
    source: 'Permendagri 72/2022',
    article: 6,
  },
  {
    code: 'kia',
    topic: 'adminduk',
    unitId: 'kanwil-papua',
    short: 'KIA',
    name: 'Kartu Identitas Anak',
    agency: 'Disdukcapil kabupaten/kota',
    audience: 'anak di bawah 17 tahun yang belum menikah',
    requirements: [
      'akta kelahiran anak',
      'Kartu Keluarga',
      'pas foto berwarna untuk anak usia 5 tahun ke atas',
    ],
    apply: 'mengajukan di Disdukcapil, sekolah yang bekerja sama, atau layanan daring',
    check: 'petugas Disdukcapil atau layanan daring Disdukcapil',
    benefit: 'identitas resmi anak untuk layanan pendidikan, kesehatan, dan perbankan',
    schedule: 'diterbitkan paling lambat 1 hari kerja sejak berkas lengkap',
    dropped: 'Permohonan dapat dikembalikan bila anak belum memiliki akta kelahiran',
    problem: 'Permohonan KIA dikembalikan',
    source: 'Permendagri 2/2016',
    article: 3,
  },
  {
    code: 'jkn-pbi',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    short: 'PBI JKN',
    name: 'Penerima Bantuan Iuran Jaminan Kesehatan',
    agency: 'Kementerian Sosial dan BPJS Kesehatan',
    audience: 'fakir miskin dan orang tidak mampu yang iurannya dibayar pemerintah',
    requirements: [
      'terdaftar di DTSEN',
      'NIK padan dengan data Dukcapil',
      'ditetapkan oleh Menteri Sosial',
    ],
    apply:
      'mengusulkan melalui dinas sosial kabupaten/kota agar masuk DTSEN dan diusulkan sebagai PBI',
    check: 'aplikasi Mobile JKN, layanan PANDAWA di WhatsApp 08118165165, atau Care Center 165',
    benefit: 'iuran kelas 3 dibayar penuh oleh pemerintah pusat',
    schedule: 'penetapan dimutakhirkan setiap bulan oleh Kementerian Sosial',
    dropped:
      'Status PBI dapat dinonaktifkan bila tidak lagi terdaftar di DTSEN, NIK tidak padan, atau peserta sudah mampu',
    problem: 'PBI JKN dinonaktifkan',
    source: 'PP 76/2015',
    article: 11,
  },
  {
    code: 'jkn-mandiri',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    short: 'JKN mandiri',
    name: 'JKN Peserta Bukan Penerima Upah (mandiri)',
    agency: 'BPJS Kesehatan',
    audience: 'pekerja mandiri, pelaku usaha, dan bukan pekerja yang membayar iuran sendiri',
    requirements: [
      'KTP-el dan Kartu Keluarga',
      'seluruh anggota keluarga dalam KK didaftarkan',
      'nomor rekening untuk autodebet iuran',
    ],
    apply: 'mendaftar melalui aplikasi Mobile JKN, PANDAWA, atau kantor cabang BPJS Kesehatan',
    check: 'aplikasi Mobile JKN atau Care Center 165',
    benefit:
      'pelayanan kesehatan sesuai kelas; iuran kelas 1 Rp150.000, kelas 2 Rp100.000, dan kelas 3 Rp42.000 per orang per bulan (Rp35.000 dibayar peserta)',
    schedule:
      'iuran dibayar paling lambat tanggal 10 setiap bulan; kartu aktif 14 hari setelah pendaftaran',
    dropped: 'Kepesertaan menjadi tidak aktif bila iuran menunggak satu bulan atau lebih',
    problem: 'Kartu JKN mandiri tidak aktif karena menunggak',
    source: 'Perpres 64/2020',
    article: 34,
  },
  {
    code: 'faskes',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    short: 'faskes pertama',
    name: 'Fasilitas Kesehatan Tingkat Pertama (FKTP)',
    agency: 'BPJS Kesehatan',
    audience: 'seluruh peserta JKN',
    requirements: [
      'kartu JKN atau NIK yang aktif',
      'sudah terdaftar minimal 3 bulan di faskes lama untuk pindah faskes',
    ],
    apply: 'memilih atau mengganti faskes melalui aplikasi Mobile JKN pada menu Ubah Data Peserta',
    check: 'aplikasi Mobile JKN pada menu Info Peserta',
    benefit: 'puskesmas, klinik, atau dokter praktik perorangan sebagai tempat berobat pertama',
    schedule: 'perubahan faskes berlaku mulai tanggal 1 bulan berikutnya',
    dropped:
      'Permintaan pindah faskes dapat ditolak bila belum 3 bulan di faskes lama, kecuali karena pindah domisili atau tugas',
    problem: 'Pindah faskes pertama ditolak',
    source: 'Perpres 82/2018',
    article: 56,
  },
  {
    code: 'rujukan',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    short: 'rujukan JKN',
    name: 'Rujukan berjenjang JKN',
    agency: 'BPJS Kesehatan dan fasilitas kesehatan',
    audience: 'peserta JKN yang memerlukan pelayanan di rumah sakit',
    requirements: [
      'kartu JKN aktif',
      'surat rujukan dari FKTP kecuali gawat darurat',
      'KTP-el atau KIS digital',
    ],
    apply: 'berobat lebih dulu ke faskes pertama, yang akan merujuk bila perlu pelayanan spesialis',
    check: 'aplikasi Mobile JKN pada menu Info Riwayat Pelayanan',
    benefit: 'pelayanan spesialis di rumah sakit tanpa biaya sesuai kelas',
    schedule: 'surat rujukan berlaku 90 hari sejak diterbitkan',
    dropped: 'Rumah sakit dapat meminta rujukan baru bila masa berlaku rujukan sudah habis',
    problem: 'Rujukan JKN ditolak rumah sakit',
    source: 'Permenkes 3/2023',
    article: 19,
  },
  {
    code: 'pbpu-pemda',
    topic: 'kesehatan',
    unitId: 'kanwil-sulsel',
    short: 'JKN didaftarkan Pemda',
    name: 'Peserta JKN yang iurannya dibayar pemerintah daerah',
    agency: 'pemerintah daerah dan BPJS Kesehatan',
    audience:
      'penduduk yang belum memiliki jaminan kesehatan dan didaftarkan oleh pemerintah daerah',
    requirements: [
      'KTP-el dengan alamat di daerah tersebut',
      'belum terdaftar sebagai peserta JKN lain',
      'rekomendasi dinas sosial atau dinas kesehatan',
    ],
    apply:
      'mengajukan ke dinas sosial atau dinas kesehatan kabupaten/kota dengan membawa KTP-el dan KK',
    check: 'aplikasi Mobile JKN atau dinas sosial setempat',
    benefit: 'iuran kelas 3 dibayar oleh pemerintah daerah',
    schedule: 'kepesertaan aktif mulai tanggal 1 bulan berikutnya setelah didaftarkan',
    dropped:
      'Kepesertaan dapat dihentikan bila penduduk pindah ke daerah lain atau kuota anggaran daerah habis',
    problem: 'JKN yang didaftarkan Pemda dihentikan',
    source: 'Perpres 82/2018',
    article: 29,
  },
  {
    code: 'npwp',
    topic: 'pajak',
    unitId: 'pusat-kontak',
    short: 'NPWP',
    name: 'Nomor Pokok Wajib Pajak',
    agency: 'Direktorat Jenderal Pajak',
    audience: 'orang pribadi yang berpenghasilan di atas PTKP dan badan usaha',
    requirements: [
      'NIK yang sudah padan (NIK dipakai sebagai NPWP)',
      'alamat surel dan nomor ponsel aktif',
      'untuk badan: akta pendirian dan NIB',
    ],
    apply: 'mendaftar atau memadankan NIK melalui portal Coretax DJP',
    check: 'portal Coretax DJP pada menu profil wajib pajak atau Kring Pajak 1500200',
    benefit: 'identitas perpajakan; bagi orang pribadi, NIK berfungsi sebagai NPWP',
    schedule: 'NIK sebagai NPWP berlaku penuh sejak 1 Januari 2024',
    dropped:
      'Pemadanan NIK dapat gagal bila data nama atau tanggal lahir di DJP berbeda dengan data Dukcapil',
    problem: 'Pemadanan NIK sebagai NPWP gagal',
    source: 'PMK 112/2022',
    article: 2,
  },
  {
    code: 'spt',
    topic: 'pajak',
    unitId: 'pusat-kontak',
    short: 'SPT Tahunan',
    name: 'Surat Pemberitahuan Tahunan PPh Orang Pribadi',
    agency: 'Direktorat Jenderal Pajak',
    audience: 'wajib pajak orang pribadi yang memiliki NPWP',
    requirements: [
      'NPWP atau NIK yang sudah dipadankan',
      'bukti potong PPh 21 dari pemberi kerja',
      'daftar harta dan utang',
    ],
    apply: 'melaporkan melalui portal Coretax DJP',
    check: 'portal Coretax DJP pada menu Dokumen Saya untuk Bukti Penerimaan Elektronik',
    benefit: 'pemenuhan kewajiban pelaporan sehingga terhindar dari sanksi administrasi',
    schedule: 'batas lapor paling lambat 31 Maret setelah akhir tahun pajak',
    dropped: 'Laporan yang terlambat dikenai denda Rp100.000 untuk orang pribadi',
    problem: 'Terlambat lapor SPT Tahunan',
    source: 'UU 7/2021',
    article: 7,
  },
  {
    code: 'pph21',
    topic: 'pajak',
    unitId: 'pusat-kontak',
    short: 'PPh 21 TER',
    name: 'Pemotongan PPh Pasal 21 dengan Tarif Efektif Rata-rata',
    agency: 'Direktorat Jenderal Pajak',
    audience: 'pegawai dan pemberi kerja yang memotong PPh 21',
    requirements: [
      'status PTKP pegawai pada awal tahun',
      'penghasilan bruto bulanan',
      'NIK atau NPWP pegawai',
    ],
    apply:
      'pemberi kerja menghitung dengan tabel TER bulanan dan melaporkannya dalam SPT Masa PPh 21',
    check: 'bukti potong bulanan dari pemberi kerja atau portal Coretax DJP',
    benefit: 'potongan bulanan yang lebih sederhana; selisih dihitung ulang di masa pajak Desember',
    schedule: 'berlaku sejak masa pajak Januari 2024',
    dropped:
      'Potongan dapat tampak lebih besar di bulan Desember karena penghitungan ulang setahun',
    problem: 'Potongan PPh 21 TER lebih besar di bulan Desember',
    source: 'PMK 168/2023',
    article: 13,
  },
  {
    code: 'pbb',
    topic: 'pajak',
    unitId: 'kanwil-papua',
    short: 'PBB-P2',
    name: 'Pajak Bumi dan Bangunan Perdesaan dan Perkotaan',
    agency: 'Badan Pendapatan Daerah (Bapenda) kabupaten/kota',
    audience: 'pemilik atau pihak yang memanfaatkan tanah dan bangunan',
    requirements: [
      'SPPT PBB tahun berjalan',
      'KTP-el pemilik',
      'sertifikat atau bukti kepemilikan untuk balik nama',
    ],
    apply: 'mengajukan ke Bapenda kabupaten/kota atau layanan daring Bapenda',
    check: 'situs atau aplikasi Bapenda setempat dengan nomor objek pajak (NOP)',
    benefit: 'tagihan sesuai nilai jual objek pajak yang ditetapkan pemerintah daerah',
    schedule: 'jatuh tempo pembayaran umumnya 30 September, sesuai peraturan daerah',
    dropped: 'Keterlambatan bayar dikenai sanksi bunga 1 persen per bulan',
    problem: 'Terlambat membayar PBB-P2',
    source: 'UU 1/2022',
    article: 40,
  },
  {
    code: 'coretax',
    topic: 'pajak',
    unitId: 'pusat-kontak',
    short: 'akun Coretax',
    name: 'Akun Coretax DJP',
    agency: 'Direktorat Jenderal Pajak',
    audience: 'seluruh wajib pajak yang melapor dan membayar pajak secara daring',
    requirements: [
      'NIK atau NPWP',
      'surel dan nomor ponsel yang terdaftar di DJP',
      'kode otorisasi atau sertifikat elektronik untuk menandatangani',
    ],
    apply: 'mengaktifkan akun di coretaxdjp.pajak.go.id dengan menu Aktivasi Akun Wajib Pajak',
    check: 'portal Coretax DJP atau Kring Pajak 1500200',
    benefit: 'satu akun untuk lapor SPT, bayar pajak, dan unduh bukti potong',
    schedule: 'akun aktif setelah verifikasi surel dan nomor ponsel',
    dropped:
      'Aktivasi dapat gagal bila surel atau nomor ponsel di DJP sudah tidak aktif; pemutakhiran dilakukan di KPP atau secara daring',
    problem: 'Aktivasi akun Coretax gagal',
    source: 'PMK 81/2024',
    article: 3,
  },
  {
    code: 'kip-kuliah',
    topic: 'pendidikan',
    unitId: 'pusat-kontak',
    short: 'KIP Kuliah',
    name: 'Kartu Indonesia Pintar Kuliah',
    agency: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi melalui Puslapdik',
    audience:
      'lulusan SMA/SMK sederajat dari keluarga tidak mampu yang diterima di perguruan tinggi',
    requirements: [
      'NIK, NISN, dan NPSN sekolah',
      'pemegang KIP, terdaftar di DTSEN, atau bukti tidak mampu dari desa',
      'lulus seleksi masuk perguruan tinggi',
    ],
    apply: 'mendaftar akun di kip-kuliah.kemdiktisaintek.go.id lalu memilih jalur seleksi',
    check: 'situs KIP Kuliah dengan nomor pendaftaran dan kode akses',
    benefit: 'pembebasan biaya kuliah dan bantuan biaya hidup sesuai klaster daerah',
    schedule: 'biaya hidup disalurkan per semester ke rekening mahasiswa',
    dropped:
      'Bantuan dapat dihentikan bila IPK di bawah ketentuan kampus, cuti tanpa izin, atau terbukti tidak memenuhi syarat ekonomi',
    problem: 'KIP Kuliah tidak cair atau dihentikan',
    source: 'Permendikbudristek 10/2020',
    article: 6,
  },
  {
    code: 'pip',
    topic: 'pendidikan',
    unitId: 'pusat-kontak',
    short: 'PIP',
    name: 'Program Indonesia Pintar',
    agency: 'Kementerian Pendidikan Dasar dan Menengah',
    audience: 'siswa SD, SMP, SMA/SMK dari keluarga miskin atau rentan',
    requirements: [
      'NISN dan NIK siswa',
      'pemegang KIP atau terdaftar di DTSEN',
      'diusulkan sekolah melalui Dapodik',
    ],
    apply: 'meminta sekolah mengusulkan melalui Dapodik, atau mengajukan lewat dinas pendidikan',
    check: 'pip.kemendikdasmen.go.id dengan NISN dan NIK siswa',
    benefit: 'SD Rp450.000, SMP Rp750.000, SMA/SMK Rp1.800.000 per tahun',
    schedule: 'dana masuk ke rekening SimPel siswa dan wajib diaktivasi sebelum batas waktu',
    dropped:
      'Dana dapat ditarik kembali ke kas negara bila rekening tidak diaktivasi sampai batas waktu',
    problem: 'Dana PIP belum masuk atau ditarik kembali',
    source: 'Permendikbud 10/2020',
    article: 4,
  },
  {
    code: 'spmb',
    topic: 'pendidikan',
    unitId: 'kanwil-sulsel',
    short: 'SPMB',
    name: 'Sistem Penerimaan Murid Baru (dahulu PPDB)',
    agency: 'dinas pendidikan provinsi dan kabupaten/kota',
    audience: 'calon murid TK, SD, SMP, dan SMA',
    requirements: [
      'akta kelahiran dan Kartu Keluarga',
      'KK diterbitkan paling singkat 1 tahun sebelum pendaftaran untuk jalur domisili',
      'rapor atau sertifikat prestasi untuk jalur prestasi',
    ],
    apply:
      'mendaftar di situs SPMB daerah dan memilih jalur domisili, afirmasi, mutasi, atau prestasi',
    check: 'situs SPMB dinas pendidikan setempat',
    benefit: 'kursi di sekolah negeri sesuai jalur dan kuota',
    schedule: 'jadwal ditetapkan masing-masing daerah, umumnya Mei sampai Juli',
    dropped:
      'Pendaftaran dapat dibatalkan bila data domisili tidak sesuai atau terbukti memakai KK titipan',
    problem: 'Pendaftaran SPMB dibatalkan',
    source: 'Permendikdasmen 3/2025',
    article: 12,
  },
  {
    code: 'bos',
    topic: 'pendidikan',
    unitId: 'pusat-kontak',
    short: 'Dana BOS',
    name: 'Bantuan Operasional Satuan Pendidikan',
    agency: 'Kementerian Pendidikan Dasar dan Menengah',
    audience: 'sekolah negeri dan swasta yang memenuhi syarat',
    requirements: [
      'sekolah terdata di Dapodik',
      'memiliki NPSN dan izin operasional',
      'menyampaikan laporan penggunaan dana periode sebelumnya',
    ],
    apply: 'sekolah memutakhirkan Dapodik sebelum batas pengambilan data',
    check: 'situs BOS Kemendikdasmen dengan NPSN sekolah',
    benefit: 'dana operasional per murid per tahun sesuai indeks daerah',
    schedule: 'disalurkan dalam dua tahap per tahun ke rekening sekolah',
    dropped:
      'Penyaluran dapat tertunda bila laporan penggunaan dana tahap sebelumnya belum disampaikan',
    problem: 'Penyaluran Dana BOS tertunda',
    source: 'Permendikbudristek 63/2022',
    article: 5,
  },
];

type QuestionKind =
  'apa' | 'syarat' | 'daftar' | 'cek' | 'manfaat' | 'berhenti' | 'ubah' | 'gratis';

const QUESTIONS: {
  kind: QuestionKind;
  title: (p: Programme) => string;
  body: (p: Programme) => string;
  summary: (p: Programme) => string;
}[] = [
  {
    kind: 'apa',
    title: (p) => `Apa itu ${p.short} dan siapa sasarannya`,
    body: (p) =>
      `${p.name}${p.name.includes(p.short) ? '' : ` (${p.short})`} adalah layanan dari ${p.agency}. Sasarannya adalah ${p.audience}. Manfaatnya: ${p.benefit}.`,
    summary: (p) => `${p.short} ditujukan untuk ${p.audience}.`,
  },
  {
    kind: 'syarat',
    title: (p) => `Syarat mengurus ${p.short}`,
    body: (p) =>
      `Persyaratan ${p.name}:\n${p.requirements.map((r, i) => `${i + 1}. ${r}`).join('\n')}\nSiapkan dokumen asli saat datang ke petugas; salinan tidak perlu dilegalisasi.`,
    summary: (p) => `Yang perlu disiapkan: ${p.requirements.join('; ')}.`,
  },
  {
    kind: 'daftar',
    title: (p) => `Cara mendaftar atau mengajukan ${p.short}`,
    body: (p) =>
      `Untuk ${p.name}, Bapak/Ibu dapat ${p.apply}. Pastikan persyaratan berikut sudah lengkap: ${p.requirements.join('; ')}. Setelah pengajuan, status dapat dicek melalui ${p.check}.`,
    summary: (p) => `Ajukan dengan ${p.apply}.`,
  },
  {
    kind: 'cek',
    title: (p) => `Cara cek status ${p.short}`,
    body: (p) =>
      `Status ${p.name} dapat dicek melalui ${p.check}. Bila data tidak ditemukan, periksa kembali penulisan nama dan NIK sesuai KTP-el, lalu hubungi kami kembali dengan menyebutkan nomor referensi percakapan ini.`,
    summary: (p) => `Cek status lewat ${p.check}.`,
  },
  {
    kind: 'manfaat',
    title: (p) =>
      ['adminduk', 'pajak'].includes(p.topic)
        ? `Manfaat ${p.short} dan lama penyelesaiannya`
        : `Besaran manfaat dan jadwal penyaluran ${p.short}`,
    body: (p) =>
      `Manfaat ${p.name}: ${p.benefit}. Waktu dan cara penyelesaian: ${p.schedule}. Ketentuan dapat berubah mengikuti ketetapan ${p.agency} tahun berjalan.`,
    summary: (p) => `${capitalise(p.benefit)}; ${p.schedule}.`,
  },
  {
    kind: 'berhenti',
    title: (p) => p.problem,
    body: (p) =>
      `${p.dropped}. Bapak/Ibu dapat memeriksa status melalui ${p.check}. Bila merasa masih memenuhi syarat, ajukan sanggahan atau pengajuan ulang dengan ${p.apply}.`,
    summary: (p) => `${p.dropped}. Ajukan ulang bila masih memenuhi syarat.`,
  },
  {
    kind: 'ubah',
    title: (p) => `Memperbaiki data yang salah pada ${p.short}`,
    body: (p) =>
      `Kesalahan nama, NIK, atau alamat pada ${p.name} diperbaiki dengan memastikan data di Disdukcapil sudah benar terlebih dahulu, karena data ${p.agency} mengikuti data kependudukan. Setelah itu ajukan perbaikan dengan ${p.apply}.`,
    summary: (p) =>
      `Perbaiki dulu data di Disdukcapil, lalu ajukan perbaikan ${p.short} ke ${p.agency}.`,
  },
  {
    kind: 'gratis',
    title: (p) => `Layanan ${p.short} tidak dipungut biaya`,
    body: (p) =>
      `Pengurusan ${p.name} tidak dipungut biaya apa pun. Bila ada pihak yang meminta uang, potongan, atau imbalan, jangan dibayar dan laporkan ke kami atau ke SP4N-LAPOR! di lapor.go.id dengan menyebut waktu, tempat, dan nama pihak tersebut. Identitas pelapor dilindungi.`,
    summary: (p) => `${capitalise(p.short)} gratis; laporkan setiap pungutan ke SP4N-LAPOR!.`,
  },
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Written one by one: the questions agents hear most that no template covers well. */
const HANDWRITTEN: CorpusAnswer[] = [
  {
    id: 'kb-jkn-reaktivasi',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    title: 'Mengaktifkan kembali KIS atau kartu JKN yang nonaktif',
    body: 'Kartu Indonesia Sehat (KIS) PBI yang nonaktif dapat diaktifkan kembali bila peserta masih tergolong tidak mampu. Caranya: (1) datang ke dinas sosial kabupaten/kota dengan KTP-el dan KK, (2) minta surat rekomendasi reaktivasi PBI, (3) bawa surat itu ke kantor BPJS Kesehatan atau sampaikan melalui PANDAWA. Bila sedang dirawat atau dalam kondisi darurat, reaktivasi dapat diproses paling lama 6 bulan sejak dinonaktifkan. Peserta mandiri yang nonaktif karena menunggak cukup melunasi tunggakan iuran.',
    summary:
      'KIS nonaktif bisa diaktifkan lagi: minta rekomendasi dinas sosial, lalu bawa ke BPJS Kesehatan. Peserta mandiri cukup melunasi tunggakan.',
    sourceDocument: 'Permensos 21/2019',
    sourceArticle: 'Pasal 18',
  },
  {
    id: 'kb-jkn-denda',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    title: 'Denda pelayanan JKN setelah menunggak iuran',
    body: 'Peserta yang kepesertaannya aktif kembali setelah menunggak dikenai denda pelayanan bila dirawat inap dalam 45 hari sejak aktif kembali. Besarnya 5 persen dari biaya rawat inap dikali bulan tertunggak, paling banyak 12 bulan dan paling tinggi Rp30.000.000. Rawat jalan tidak dikenai denda.',
    summary:
      'Rawat inap dalam 45 hari setelah aktif kembali kena denda 5% per bulan tunggakan; rawat jalan tidak.',
    sourceDocument: 'Perpres 64/2020',
    sourceArticle: 'Pasal 42',
  },
  {
    id: 'kb-jkn-gawat-darurat',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    title: 'Berobat gawat darurat tanpa rujukan dengan JKN',
    body: 'Dalam keadaan gawat darurat, peserta JKN dapat langsung ke IGD rumah sakit mana pun, termasuk yang tidak bekerja sama dengan BPJS Kesehatan, tanpa surat rujukan. Rumah sakit wajib menangani sampai kondisi stabil dan tidak boleh meminta uang muka.',
    summary: 'Gawat darurat: langsung ke IGD mana pun tanpa rujukan dan tanpa uang muka.',
    sourceDocument: 'Perpres 82/2018',
    sourceArticle: 'Pasal 63',
  },
  {
    id: 'kb-jkn-bayi-baru-lahir',
    topic: 'kesehatan',
    unitId: 'pusat-kontak',
    title: 'Mendaftarkan bayi baru lahir ke JKN',
    body: 'Bayi baru lahir dari peserta JKN wajib didaftarkan paling lambat 28 hari sejak lahir agar biaya perawatannya dijamin. Daftarkan melalui Mobile JKN atau kantor BPJS Kesehatan dengan surat keterangan lahir dan KK. Bayi dari peserta PBI otomatis menjadi PBI setelah didaftarkan.',
    summary:
      'Daftarkan bayi paling lambat 28 hari setelah lahir, cukup surat keterangan lahir dan KK.',
    sourceDocument: 'Perpres 82/2018',
    sourceArticle: 'Pasal 16',
  },
  {
    id: 'kb-adminduk-ktp-hilang',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    title: 'KTP-el hilang atau rusak',
    body: 'KTP-el yang hilang atau rusak dicetak ulang di Disdukcapil tanpa perekaman ulang dan tanpa biaya. Bawa Kartu Keluarga; untuk KTP rusak bawa KTP yang rusak. Surat kehilangan dari kepolisian tidak lagi diwajibkan di banyak daerah, cukup surat pernyataan.',
    summary: 'KTP hilang atau rusak: cetak ulang gratis di Disdukcapil, bawa KK.',
    sourceDocument: 'Perpres 96/2018',
    sourceArticle: 'Pasal 18',
  },
  {
    id: 'kb-adminduk-data-ganda',
    topic: 'adminduk',
    unitId: 'pusat-kontak',
    title: 'NIK ganda atau data ganda (duplicate record)',
    body: 'Bila satu orang tercatat dengan dua NIK atau perekaman ganda, penyelesaiannya dilakukan di Disdukcapil tempat terakhir tercatat. Petugas akan menonaktifkan salah satu NIK dan menetapkan NIK yang berlaku. Layanan lain (bansos, BPJS, perbankan) akan mengikuti NIK yang ditetapkan.',
    summary: 'Data ganda diselesaikan di Disdukcapil; satu NIK dinonaktifkan.',
    sourceDocument: 'Permendagri 108/2019',
    sourceArticle: 'Pasal 37',
  },
  {
    id: 'kb-bansos-sanggah',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    title: 'Menyanggah penerima bansos yang tidak layak',
    body: 'Masyarakat dapat melaporkan penerima bansos yang dinilai tidak layak melalui fitur "Sanggah" di aplikasi Cek Bansos, dengan menyebut alasan dan bukti foto bila ada. Laporan diverifikasi oleh dinas sosial dan pendamping; identitas pelapor tidak diberitahukan kepada penerima.',
    summary: 'Laporkan penerima tidak layak lewat fitur Sanggah di aplikasi Cek Bansos.',
    sourceDocument: 'Permensos 3/2021',
    sourceArticle: 'Pasal 10',
  },
  {
    id: 'kb-bansos-kks-hilang',
    topic: 'bansos',
    unitId: 'pusat-kontak',
    title: 'Kartu Keluarga Sejahtera (KKS) hilang atau terblokir',
    body: 'KKS yang hilang, rusak, atau terblokir karena salah PIN diganti di kantor cabang bank penyalur dengan membawa KTP-el, KK, dan surat keterangan dari pendamping sosial. Saldo bantuan tetap aman di rekening dan dapat dicairkan setelah kartu baru aktif.',
    summary: 'KKS hilang atau terblokir: ganti di bank penyalur, saldo tetap aman.',
    sourceDocument: 'Permensos 20/2019',
    sourceArticle: 'Pasal 23',
  },
  {
    id: 'kb-pajak-efin',
    topic: 'pajak',
    unitId: 'pusat-kontak',
    title: 'Lupa EFIN atau kata sandi pajak',
    body: 'EFIN atau kata sandi yang terlupa dapat diminta ulang melalui Kring Pajak 1500200, surel efin@pajak.go.id, atau live chat di pajak.go.id dengan verifikasi identitas (swafoto memegang KTP-el dan NPWP). Di Coretax, gunakan menu Lupa Kata Sandi dengan surel terdaftar.',
    summary: 'Minta ulang EFIN lewat Kring Pajak 1500200 atau surel efin@pajak.go.id.',
    sourceDocument: 'PER-04/PJ/2020',
    sourceArticle: 'Pasal 5',
  },
  {
    id: 'kb-umum-data-pribadi',
    topic: 'umum',
    unitId: 'pusat-kontak',
    title: 'Perlindungan data pribadi saat menghubungi pusat kontak',
    body: 'Data pribadi yang Bapak/Ibu sampaikan hanya dipakai untuk menangani pertanyaan atau pengaduan ini, disimpan sesuai ketentuan, dan hanya dilihat petugas yang berwenang. Setiap akses ke data tercatat. Bapak/Ibu berhak meminta salinan atau perbaikan data melalui kanal ini.',
    summary: 'Data pribadi hanya dipakai untuk layanan ini; setiap akses tercatat.',
    sourceDocument: 'UU 27/2022',
    sourceArticle: 'Pasal 5',
  },
  {
    id: 'kb-umum-pengaduan',
    topic: 'umum',
    unitId: 'pusat-kontak',
    title: 'Cara menyampaikan pengaduan pelayanan publik',
    body: 'Pengaduan dapat disampaikan melalui telepon, WhatsApp, surel, atau SP4N-LAPOR!. Sebutkan apa yang terjadi, kapan, di mana, dan siapa yang terlibat. Setiap pengaduan mendapat nomor referensi dan ditindaklanjuti paling lambat 14 hari kerja sejak diterima.',
    summary:
      'Sampaikan kronologi singkat; dapat nomor referensi; tindak lanjut paling lambat 14 hari kerja.',
    sourceDocument: 'Perpres 76/2013',
    sourceArticle: 'Pasal 16',
  },
  {
    id: 'kb-umum-informasi-publik',
    topic: 'umum',
    unitId: 'pusat-kontak',
    title: 'Meminta informasi publik ke PPID',
    body: 'Permohonan informasi publik diajukan ke PPID (Pejabat Pengelola Informasi dan Dokumentasi) secara tertulis atau daring. Badan publik wajib menjawab paling lambat 10 hari kerja dan dapat memperpanjang 7 hari kerja dengan pemberitahuan. Bila tidak puas, ajukan keberatan ke atasan PPID.',
    summary: 'Ajukan ke PPID; jawaban paling lambat 10 hari kerja (+7 bila diperpanjang).',
    sourceDocument: 'UU 14/2008',
    sourceArticle: 'Pasal 22',
  },
];

function fromTemplates(): CorpusAnswer[] {
  return PROGRAMMES.flatMap((programme) =>
    QUESTIONS.map((question, index) => ({
      id: `kb-${programme.code}-${question.kind}`,
      topic: programme.topic,
      unitId: programme.unitId,
      title: question.title(programme),
      body: question.body(programme),
      summary: question.summary(programme),
      sourceDocument: programme.source,
      sourceArticle: `Pasal ${programme.article + index}`,
    })),
  );
}

export const KNOWLEDGE_CORPUS: CorpusAnswer[] = [...HANDWRITTEN, ...fromTemplates()];
