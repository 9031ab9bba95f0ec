/**
 * Strings of policy prompts, wrap-up feedback and the policy reports, in Bahasa Indonesia;
 * `policies-en.ts` has exactly these keys.
 */
/** Navigation, and the prompts and wrap-up feedback of the desk: loaded with the app. */
export const policiesShellId = {
  nav: 'Kebijakan',
  prompt: {
    region: 'Kebijakan untuk disampaikan',
    heading: 'Sampaikan kebijakan ini',
    effective: 'Berlaku {{date}}',
    told: 'Sudah disampaikan',
    append: 'Tambahkan ke balasan',
    appendTitle: 'Tambahkan pesan kampanye ke balasan dan catat sebagai disampaikan',
    notShared: 'Tidak disampaikan',
    reason: 'Alasan',
    reasons: {
      no_time: 'Tidak sempat',
      not_relevant: 'Tidak relevan bagi penelepon',
      caller_declined: 'Penelepon menolak',
      other: 'Lainnya',
    },
    note: 'Keterangan',
    save: 'Simpan',
    cancel: 'Batal',
    markedTold: 'Disampaikan',
    markedAppended: 'Ditambahkan ke balasan',
    markedNot: 'Tidak disampaikan: {{reason}}',
    change: 'Ubah',
    failed: 'Tanda tidak tersimpan: {{message}}',
  },
  feedback: {
    title: 'Pemahaman kebijakan',
    hint: 'Untuk setiap kebijakan yang dibahas: seberapa paham warga, dan pertanyaannya dengan kata-kata warga.',
    understanding: 'Pemahaman',
    levels: {
      understood: 'Paham',
      partly: 'Sebagian',
      confused: 'Bingung',
      disagrees: 'Tidak setuju',
    },
    question: 'Pertanyaan warga (kata-kata warga)',
    questionHint: 'Nomor NIK, telepon dan email disamarkan otomatis.',
    add: 'Tambah kebijakan yang dibahas',
    remove: 'Hapus {{title}}',
    notRecorded: 'Belum dipilih — tidak dikirim',
    unmarked: 'Belum ditandai disampaikan atau tidak (di atas): {{titles}}',
  },
};
