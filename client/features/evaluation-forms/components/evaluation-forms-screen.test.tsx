import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/schemas/user';
import type { EvaluationForm } from '../../../../shared/schemas/evaluation';
import { aUser } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { EvaluationFormsScreen } from './evaluation-forms-screen';

const trainer = aUser({ id: 'u-trainer', username: 'trainer1', role: 'trainer' });
const lead = aUser({ id: 'u-lead', username: 'lead1', role: 'lead' });

/** Requests wait on a loaded machine; a second is too short for the first render. */
const SLOW = { timeout: 5000 };

/** The forms as the (mock) server holds them now: what a save or an archive really sent. */
async function storedForms(): Promise<EvaluationForm[]> {
  const response = await fetch(new URL('/api/evaluation-forms', window.location.origin));
  return ((await response.json()) as { forms: EvaluationForm[] }).forms;
}

function open(user: User) {
  const events = userEvent.setup();
  renderWithProviders(
    <EvaluationFormsScreen frame={{ user, onSignOut: () => undefined, isSigningOut: false }} />,
  );
  return events;
}

async function fill(events: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await events.clear(field);
  if (text !== '') await events.type(field, text);
}

describe('the evaluation-form editor', () => {
  it('tells a trainer that changing a used form makes a new version, previews the critical effect, and saves', async () => {
    const events = open(trainer);
    await events.click(await screen.findByTestId('form-list-item', {}, SLOW));
    const editor = await screen.findByTestId('form-editor');
    expect(editor.textContent).toContain('3 evaluasi memakai versi ini');

    // The preview: full marks pass; the critical verification at 0 fails whatever the score.
    await events.click(screen.getByTestId('preview-fill-full'));
    const result = screen.getByTestId('preview-result');
    expect(result.textContent).toContain('Lulus');
    expect(result.textContent).toContain('100% (100 dari 100)');
    await events.click(
      within(screen.getByTestId('preview-question-verify')).getByRole('radio', { name: '0' }),
    );
    expect(result.textContent).toContain('Tidak lulus');
    expect(result.textContent).toContain('80% (80 dari 100)');
    expect(result.textContent).toContain(
      'Gagal karena pertanyaan kritis: Memverifikasi identitas sebelum membuka data pribadi',
    );

    // A weight out of range is named where it is and blocks saving.
    const weights = screen.getAllByTestId('question-weight');
    await fill(events, weights[0]!, '150');
    expect(screen.getByTestId('form-problems').textContent).toContain(
      'Bagian 1 › Pertanyaan 1 › Bobot: paling besar 100',
    );
    expect((screen.getByTestId('form-save') as HTMLButtonElement).disabled).toBe(true);
    await fill(events, weights[0]!, '15');
    expect(screen.queryByTestId('form-problems')).toBeNull();
    expect(screen.getByTestId('version-note').textContent).toContain(
      'sudah dipakai 3 evaluasi: menyimpan membuat versi 2',
    );
    await events.click(screen.getByTestId('form-save'));
    await waitFor(async () => expect((await storedForms())[0]?.version).toBe(2));
    expect((await storedForms())[0]?.sections[0]?.questions[0]?.weight).toBe(15);
    // The list and the editor both show the new version.
    expect(await screen.findAllByText('Versi 2')).toHaveLength(2);
  });

  it('builds a new form: problems name their fields until filled, questions reorder, it saves as version 1', async () => {
    const events = open(trainer);
    await events.click(await screen.findByTestId('form-new', {}, SLOW));
    const problems = screen.getByTestId('form-problems').textContent;
    expect(problems).toContain('ID formulir: wajib diisi');
    expect(problems).toContain('Judul: wajib diisi');
    expect(problems).toContain('Bagian 1 › Judul: wajib diisi');
    expect(problems).toContain('Bagian 1 › Pertanyaan 1 › Teks: wajib diisi');
    expect((screen.getByTestId('form-save') as HTMLButtonElement).disabled).toBe(true);

    await events.type(screen.getByTestId('form-id'), 'Form Aduan');
    expect(screen.getByTestId('form-problems').textContent).toContain(
      'ID formulir: hanya huruf kecil, angka dan -',
    );
    await fill(events, screen.getByTestId('form-id'), 'form-aduan');
    await events.type(screen.getByTestId('form-title'), 'Evaluasi aduan');
    await events.type(screen.getByTestId('section-title'), 'Inti');
    await events.type(screen.getAllByTestId('question-text')[0]!, 'Verifikasi identitas');
    await events.click(screen.getAllByTestId('question-critical')[0]!);
    await events.click(screen.getByTestId('question-add'));
    await events.type(screen.getAllByTestId('question-text')[1]!, 'Jawaban tepat');
    await fill(events, screen.getAllByTestId('question-scale')[1]!, '4');
    await events.click(screen.getAllByTestId('question-up')[1]!);
    expect(
      screen.getAllByTestId('question-text').map((field) => (field as HTMLInputElement).value),
    ).toEqual(['Jawaban tepat', 'Verifikasi identitas']);
    expect(screen.queryByTestId('form-problems')).toBeNull();

    await events.click(screen.getByTestId('form-save'));
    await waitFor(async () =>
      expect((await storedForms()).find((form) => form.id === 'form-aduan')).toMatchObject({
        version: 1,
        title: 'Evaluasi aduan',
        sections: [
          {
            title: 'Inti',
            questions: [
              { text: 'Jawaban tepat', scaleMax: 4, isCritical: false },
              { text: 'Verifikasi identitas', scaleMax: 1, isCritical: true },
            ],
          },
        ],
      }),
    );
  });

  it('archives a form and brings it back', async () => {
    const events = open(trainer);
    await events.click(await screen.findByTestId('form-list-item', {}, SLOW));
    await events.click(await screen.findByTestId('form-archive'));
    await waitFor(async () => expect((await storedForms())[0]?.isArchived).toBe(true));
    expect(await screen.findByText(/Formulir ini diarsipkan/)).toBeTruthy();
    await events.click(screen.getByRole('button', { name: 'Aktifkan lagi' }));
    await waitFor(async () => expect((await storedForms())[0]?.isArchived).toBe(false));
  });

  it('lets a lead read forms and preview scores, but not change them', async () => {
    const events = open(lead);
    expect(screen.queryByTestId('form-new')).toBeNull();
    await events.click(await screen.findByTestId('form-list-item', {}, SLOW));
    const editor = await screen.findByTestId('form-editor');
    expect(editor.textContent).toContain('Anda dapat membaca formulir');
    expect(screen.queryByTestId('form-save')).toBeNull();
    expect(screen.queryByTestId('form-archive')).toBeNull();
    expect(screen.queryByTestId('question-add')).toBeNull();
    expect((screen.getByTestId('form-title') as HTMLInputElement).readOnly).toBe(true);
    await events.click(screen.getByTestId('preview-fill-full'));
    expect(screen.getByTestId('preview-result').textContent).toContain('Lulus');
  });
});
