/** Script editor strings in Bahasa Indonesia; `scripts-en.ts` has exactly these keys. */
/** Shown outside the script editor (navigation): loaded with the app. */
export const scriptsShellId = {
  title: 'Naskah',
};
