/** Citizen-record strings in Bahasa Indonesia; `citizens-en.ts` has exactly these keys. */
/** Shown outside the citizens screen (navigation, the caller panel): loaded with the app. */
export const citizensShellId = {
  nav: 'Warga',
  callerWithheld:
    'Profil warga (kontak, instansi, NIK, riwayat) tidak ditampilkan kepada yang memantau percakapan (UU 27/2022).',
};
