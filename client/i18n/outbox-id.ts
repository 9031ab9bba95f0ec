/** Strings of the offline outbox (pending and refused commands), Bahasa Indonesia. */
export const outboxId = {
  indicator: 'Kotak keluar: {{count}}',
  indicatorLabel: 'Kotak keluar: {{pending}} menunggu, {{failed}} gagal',
  title: 'Kotak keluar',
  notDurable:
    'Peramban ini tidak mengizinkan penyimpanan di perangkat: kiriman hanya bertahan sampai halaman dimuat ulang.',
  empty: 'Semua kiriman sudah sampai di server.',
  pendingSection: 'Menunggu dikirim',
  failedSection: 'Ditolak server',
  sending: 'Mengirim…',
  waiting: 'Menunggu koneksi…',
  retry: 'Kirim ulang',
  discard: 'Buang',
  failedTitle: 'Kiriman ditolak server',
  failedBody: '{{what}}: {{reason}}',
  pendingInBanner: '{{count}} kiriman tersimpan di perangkat dan akan dikirim begitu tersambung.',
  kind: {
    outcomeLog: 'Hasil kontak ({{detail}})',
    messageSend: 'Balasan: “{{detail}}”',
    caseCreate: 'Kasus baru: {{detail}}',
    caseTransition: 'Perubahan status kasus',
    caseExtend: 'Perpanjangan tenggat kasus',
    casePause: 'Jeda jam kasus',
    caseResume: 'Lanjutkan jam kasus',
    caseHandOff: 'Serah kasus ke unit',
    caseAcknowledgeHandOff: 'Terima serahan kasus',
    caseReturnHandOff: 'Kembalikan serahan kasus',
  },
  reply: {
    pending: 'Menunggu koneksi…',
    sending: 'Mengirim…',
    failed: 'Tidak terkirim: {{reason}}',
  },
  wrapup: {
    saved: 'Tersimpan di perangkat, akan dikirim begitu koneksi pulih.',
  },
  signOut: {
    title: 'Masih ada kiriman yang belum sampai',
    body: '{{count}} kiriman belum sampai di server. Kiriman itu tetap tersimpan di perangkat ini dan baru dikirim saat Anda masuk lagi di perangkat ini.',
    stay: 'Tetap masuk',
    confirm: 'Keluar saja',
  },
};
