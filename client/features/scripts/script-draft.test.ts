import { describe, expect, it } from 'vitest';
import { answerStep, startProgress } from '../../../shared/domain/guided-script';
import { aBansosDefinition } from '../../testing/script-fixtures';
import {
  addOption,
  addStep,
  draftProblems,
  isWalkable,
  moveStep,
  removeStep,
  replayProgress,
  setAsksCitizen,
  setPlainText,
  slugOf,
  stepIndexOf,
  updateOption,
  updateStep,
} from './script-draft';

describe('editing a draft', () => {
  it('adds an empty step with a fresh id, flagged until something leads to it', () => {
    const { definition, stepId } = addStep(aBansosDefinition());
    expect(stepId).toBe('langkah-6');
    expect(definition.steps.at(-1)).toEqual({ id: 'langkah-6', title: '', text: '', next: null });
    const problems = draftProblems('Bansos', definition);
    expect(problems.map((p) => p.path.join('.'))).toEqual([
      'definition.steps.5.title',
      'definition.steps.5.text',
      'definition.steps.5',
    ]);
    expect(problems.map(stepIndexOf)).toEqual([5, 5, 5]);
    const linked = updateStep(definition, 'penutup', { next: 'langkah-6' });
    expect(draftProblems('Bansos', linked).map((p) => p.path.join('.'))).toEqual([
      'definition.steps.5.title',
      'definition.steps.5.text',
    ]);
  });

  it('removes a step and ends the routes that led to it', () => {
    const definition = removeStep(aBansosDefinition(), 'usulan');
    expect(definition.steps.map((s) => s.id)).not.toContain('usulan');
    expect(definition.steps[1]!.options).toEqual([
      { id: 'sudah', label: 'Sudah terdaftar', next: 'cek-status' },
      { id: 'belum', label: 'Belum terdaftar', next: null },
    ]);
    expect(removeStep(definition, 'salam').startStepId).toBe('terdaftar');
  });

  it('turns a step into a question and back, keeping where it led', () => {
    const asking = setAsksCitizen(aBansosDefinition(), 'salam', true);
    expect(asking.steps[0]).toMatchObject({
      options: [{ id: 'jawaban-1', label: '', next: 'terdaftar' }],
    });
    expect(asking.steps[0]).not.toHaveProperty('next');
    const again = setAsksCitizen(asking, 'salam', false);
    expect(again.steps[0]).toMatchObject({ next: 'terdaftar' });
    expect(again.steps[0]).not.toHaveProperty('options');
  });

  it('names answers after their labels, never twice the same', () => {
    let definition = addOption(aBansosDefinition(), 'terdaftar');
    definition = updateOption(definition, 'terdaftar', 2, { label: 'Sudah Terdaftar!' });
    expect(definition.steps[1]!.options![2]!.id).toBe('sudah-terdaftar');
    // `belum` is the second answer's id already.
    definition = updateOption(definition, 'terdaftar', 2, { label: 'Belum' });
    expect(definition.steps[1]!.options![2]!.id).toBe('belum-2');
    expect(slugOf('Éntah, tidak tahu')).toBe('entah-tidak-tahu');
  });

  it('keeps plain words per segment and drops the map when the last goes', () => {
    const withPlain = setPlainText(aBansosDefinition(), 'salam', 'media', 'Halo redaksi.');
    expect(withPlain.steps[0]!.plainText).toEqual({ media: 'Halo redaksi.' });
    expect(setPlainText(withPlain, 'salam', 'media', undefined).steps[0]).not.toHaveProperty(
      'plainText',
    );
  });

  it('moves steps in the list without touching the routes', () => {
    const moved = moveStep(aBansosDefinition(), 'penutup', -1);
    expect(moved.steps.map((s) => s.id)).toEqual([
      'salam',
      'terdaftar',
      'cek-status',
      'penutup',
      'usulan',
    ]);
    expect(moveStep(moved, 'salam', -1)).toBe(moved);
  });
});

describe('the preview after an edit', () => {
  it('replays the answers given as far as they still fit', () => {
    const definition = aBansosDefinition();
    let progress = startProgress(definition);
    for (const answer of [null, 'belum', null]) {
      const moved = answerStep(definition, progress, answer);
      if (!moved.ok) throw new Error(moved.reason);
      progress = moved.progress;
    }
    expect(replayProgress(definition, progress)).toEqual(progress);
    const renamed = updateOption(definition, 'terdaftar', 1, { label: 'Tidak terdaftar' });
    expect(replayProgress(renamed, progress).path.map((m) => m.stepId)).toEqual([
      'salam',
      'terdaftar',
    ]);
    expect(isWalkable(updateStep(definition, 'penutup', { next: 'salam' }))).toBe(false);
    expect(isWalkable(updateStep(definition, 'salam', { text: '{typo}' }))).toBe(true);
  });
});
