/** Shown outside the evaluation-form editor (navigation): loaded with the app. */
export const evaluationFormsShellId = {
  nav: 'Formulir evaluasi',
};
