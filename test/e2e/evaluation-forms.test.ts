import { afterAll, describe, expect, it } from 'vitest';
import { screenshot, useE2eServer } from './browser';

/**
 * A trainer builds an evaluation form with a critical question, sees in the preview that full
 * marks pass and that the critical question below full marks fails the evaluation whatever the
 * score, and saves it; a lead then reads it without being able to change it.
 */
describe('the evaluation-form editor in a browser', () => {
  const e2e = useE2eServer();
  const shots: string[] = [];

  afterAll(() => {
    console.log(`e2e screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  it('trainer1 builds a form with a critical question, previews a score and saves it; lead1 reads it', async () => {
    const trainer = await e2e.signedIn('trainer1');
    await trainer.getByTestId('console-switch').getByText('Formulir evaluasi').click();
    await trainer.getByTestId('evaluation-forms-screen').waitFor();
    await trainer.getByTestId('form-new').click();
    const editor = trainer.getByTestId('form-editor');
    await editor.waitFor();
    // Empty, the form names what is missing, field by field.
    await expect
      .poll(() => editor.getByTestId('form-problems').textContent())
      .toContain('Bagian 1 › Pertanyaan 1 › Teks: wajib diisi');
    shots.push(await screenshot(trainer, 'evaluation-forms-01-new-form-problems'));

    await editor.getByTestId('form-id').fill('form-pengaduan');
    await editor.getByTestId('form-title').fill('Evaluasi layanan pengaduan');
    await editor.getByTestId('form-pass').fill('80');
    await editor.getByTestId('section-title').fill('Inti layanan');
    await editor.getByTestId('question-text').first().fill('Memverifikasi identitas pelapor');
    await editor.getByTestId('question-weight').first().fill('30');
    await editor.getByTestId('question-critical').first().check();
    await editor.getByTestId('question-add').click();
    await editor.getByTestId('question-text').nth(1).fill('Menjelaskan langkah tindak lanjut');
    await editor.getByTestId('question-weight').nth(1).fill('70');
    await editor.getByTestId('question-scale').nth(1).fill('4');
    await expect.poll(() => editor.getByTestId('form-problems').count()).toBe(0);

    // The preview: full marks pass; the critical question at 0 fails it.
    const preview = trainer.getByTestId('preview-result');
    await trainer.getByTestId('preview-fill-full').click();
    await expect.poll(() => preview.textContent()).toContain('Lulus');
    await expect.poll(() => preview.textContent()).toContain('100% (100 dari 100)');
    const questions = trainer.locator('[data-testid^="preview-question-"]');
    await questions.nth(0).getByText('0', { exact: true }).click();
    await expect.poll(() => preview.textContent()).toContain('Tidak lulus');
    await expect.poll(() => preview.textContent()).toContain('70% (70 dari 100)');
    await expect
      .poll(() => preview.textContent())
      .toContain('Gagal karena pertanyaan kritis: Memverifikasi identitas pelapor');
    shots.push(await screenshot(trainer, 'evaluation-forms-02-preview-critical-fails'));

    await editor.getByTestId('form-save').click();
    await expect
      .poll(() => trainer.getByTestId('form-list').textContent())
      .toContain('Evaluasi layanan pengaduan');
    const stored = await e2e.server.app.store.db
      .selectFrom('evaluation_form_versions')
      .select(['version', 'title'])
      .where('form_id', '=', 'form-pengaduan')
      .execute();
    expect(stored).toEqual([{ version: 1, title: 'Evaluasi layanan pengaduan' }]);
    shots.push(await screenshot(trainer, 'evaluation-forms-03-saved'));

    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('console-switch').getByText('Formulir evaluasi').click();
    await lead
      .getByTestId('form-list-item')
      .filter({ hasText: 'Evaluasi layanan pengaduan' })
      .click();
    await lead.getByTestId('form-editor').getByText('Anda dapat membaca formulir').waitFor();
    expect(await lead.getByTestId('form-save').count()).toBe(0);
    shots.push(await screenshot(lead, 'evaluation-forms-04-lead-reads'));
  });
});
