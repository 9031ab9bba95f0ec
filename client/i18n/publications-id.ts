/**
 * Strings of the knowledge authoring screen and of publication notices, in Bahasa Indonesia;
 * `publications-en.ts` has exactly these keys.
 */
/** Shown outside the authoring screen (navigation): loaded with the app. */
export const authoringShellId = {
  nav: 'Basis pengetahuan',
};

export const noticesId = {
  headline: {
    answer_new: 'Jawaban baru: {{title}} (v{{version}})',
    answer_updated: 'Jawaban diperbarui: {{title}} (v{{version}})',
    script_new: 'Skrip baru: {{title}} (v{{version}})',
    script_updated: 'Skrip diperbarui: {{title}} (v{{version}})',
  },
  byName: 'Diterbitkan oleh {{name}}',
  region: 'Perubahan yang baru terbit',
  mustRead: 'Wajib baca',
  open: 'Buka',
  acknowledge: 'Sudah saya baca',
  dismiss: 'Tutup pemberitahuan {{title}}',
  dismissAll: 'Tutup semua yang bukan wajib baca',
  showMore: 'Tampilkan {{count}} lagi',
  showFewer: 'Ringkas',
  acknowledgeFailed: 'Belum tercatat: {{message}}',
  versionGone: 'Versi ini tidak ditemukan lagi.',
  retiredSince: 'Versi ini sudah digantikan versi yang lebih baru.',
  summary: 'Ringkasan',
  body: 'Jawaban lengkap',
  effective: 'Berlaku sejak {{from}}',
  publishedBy: 'Diterbitkan oleh {{name}}, {{when}}',
  whatChanged: 'Apa yang berubah',
  scriptInConversation:
    'Versi skrip ini dipakai untuk percakapan baru; percakapan yang sedang berjalan tetap memakai versinya.',
  readersDone: 'Sudah membaca',
  readersPending: 'Belum membaca',
  readCount: '{{done}} dari {{total}} agen sudah membaca',
  markMustRead: 'Jadikan wajib baca',
  unmarkMustRead: 'Cabut wajib baca',
  readershipTitle: 'Perubahan terbit',
  readershipEmpty: 'Belum ada yang terbit.',
};
