import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerStep,
  checkScript,
  currentStepId,
  describeScriptProblem,
  scriptProblemPath,
  linearScript,
  pendingRequiredSteps,
  renderStepText,
  startProgress,
  stepBack,
  type ScriptDefinition,
  type ScriptProgress,
} from './guided-script';

/** Bansos: registered or not decides the route; verification and closing are required. */
const BANSOS: ScriptDefinition = {
  startStepId: 'salam',
  steps: [
    { id: 'salam', title: 'Salam', text: 'Selamat pagi, {caller.name}.', next: 'verifikasi' },
    {
      id: 'verifikasi',
      title: 'Verifikasi',
      text: 'Mohon sebutkan nama sesuai KTP.',
      plainText: { public: 'Boleh saya tahu nama Bapak/Ibu seperti di KTP?' },
      isRequired: true,
      next: 'terdaftar',
    },
    {
      id: 'terdaftar',
      title: 'Sudah terdaftar?',
      text: 'Apakah sudah terdaftar di DTKS?',
      options: [
        { id: 'ya', label: 'Sudah', next: 'cek-status' },
        { id: 'tidak', label: 'Belum', next: 'usulan' },
      ],
    },
    { id: 'cek-status', title: 'Cek status', text: 'Cek di laman cekbansos.', next: 'penutup' },
    { id: 'usulan', title: 'Usulan', text: 'Usulan lewat desa/kelurahan.', next: 'penutup' },
    {
      id: 'penutup',
      title: 'Penutup',
      text: 'Nomor referensi Anda {reference}.',
      isRequired: true,
      next: null,
    },
  ],
};

function walk(definition: ScriptDefinition, answers: (string | null)[]): ScriptProgress {
  let progress = startProgress(definition);
  for (const answer of answers) {
    const moved = answerStep(definition, progress, answer);
    if (!moved.ok) throw new Error(moved.reason);
    progress = moved.progress;
  }
  return progress;
}

describe('checkScript', () => {
  it('accepts a branching script and a straight one', () => {
    expect(checkScript(BANSOS)).toEqual([]);
    expect(checkScript(linearScript([{ id: 'a', title: 'A', text: 'a' }]))).toEqual([]);
  });

  it('names every broken link, duplicate, unreachable step and loop', () => {
    expect(
      checkScript({
        startStepId: 'a',
        steps: [
          { id: 'a', title: 'A', text: '', next: 'nope' },
          { id: 'a', title: 'A again', text: '' },
        ],
      }),
    ).toEqual([
      { kind: 'duplicate-step', stepId: 'a' },
      { kind: 'unknown-next', stepId: 'a', next: 'nope' },
    ]);
    expect(
      checkScript({
        startStepId: 'a',
        steps: [
          { id: 'a', title: 'A', text: '', next: 'b' },
          { id: 'b', title: 'B', text: '', next: 'a' },
          { id: 'c', title: 'C', text: '', next: null },
        ],
      }),
    ).toEqual([
      { kind: 'cycle', stepId: 'a' },
      { kind: 'unreachable', stepId: 'c' },
    ]);
    expect(checkScript({ startStepId: 'x', steps: [] })).toEqual([
      { kind: 'missing-start', stepId: 'x' },
    ]);
  });
});

describe('checkScript on variables', () => {
  it('refuses a variable the desk does not fill, in the text or a plain variant', () => {
    const typo: ScriptDefinition = {
      startStepId: 'a',
      steps: [
        {
          id: 'a',
          title: 'A',
          text: 'Halo {caller.name}, {caller.nama}.',
          plainText: { public: 'Halo {pemanggil} {pemanggil}.' },
          next: null,
        },
      ],
    };
    expect(checkScript(typo)).toEqual([
      { kind: 'unknown-variable', stepId: 'a', variable: 'caller.nama', segment: null },
      { kind: 'unknown-variable', stepId: 'a', variable: 'pemanggil', segment: 'public' },
    ]);
  });

  it('reports variables beside broken links, not instead of them', () => {
    const problems = checkScript({
      startStepId: 'a',
      steps: [{ id: 'a', title: 'A', text: '{x}', next: 'nope' }],
    });
    expect(problems.map((p) => p.kind)).toEqual(['unknown-next', 'unknown-variable']);
  });
});

describe('scriptProblemPath', () => {
  const broken: ScriptDefinition = {
    startStepId: 'a',
    steps: [
      {
        id: 'a',
        title: 'A',
        text: '',
        options: [
          { id: 'x', label: 'X', next: 'b' },
          { id: 'x', label: 'X again', next: 'nope' },
        ],
        next: 'b',
      },
      { id: 'b', title: 'B', text: '{nama}', plainText: { media: '{redaksi}' }, next: null },
      { id: 'b', title: 'B again', text: '', next: null },
    ],
  };

  it('points at the field each problem lies in, the repeating occurrence for a duplicate', () => {
    const located = checkScript(broken).map((problem) => [
      problem.kind,
      scriptProblemPath(broken, problem).join('.'),
    ]);
    expect(located).toEqual([
      ['duplicate-step', 'steps.2.id'],
      ['options-and-next', 'steps.0.next'],
      ['duplicate-option', 'steps.0.options.1.id'],
      ['unknown-next', 'steps.0.options.1.next'],
      ['unknown-variable', 'steps.1.text'],
      ['unknown-variable', 'steps.1.plainText.media'],
    ]);
    expect(scriptProblemPath(broken, { kind: 'missing-start', stepId: 'z' })).toEqual([
      'startStepId',
    ]);
    expect(scriptProblemPath(BANSOS, { kind: 'unreachable', stepId: 'usulan' })).toEqual([
      'steps',
      4,
    ]);
  });

  it('names the step in every description', () => {
    for (const problem of checkScript(broken)) {
      expect(describeScriptProblem(problem)).toContain(`"${problem.stepId}"`);
    }
  });

  it('always leads to a part of the definition that exists (property)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd');
    const next = fc.option(id, { nil: null });
    const step = fc.record(
      {
        id,
        title: fc.constant('T'),
        text: fc.constantFrom('', '{caller.name}', '{salah}'),
        options: fc.array(fc.record({ id, label: fc.constant('L'), next }), { maxLength: 3 }),
        next,
      },
      { requiredKeys: ['id', 'title', 'text'] },
    );
    fc.assert(
      fc.property(id, fc.array(step, { maxLength: 5 }), (startStepId, steps) => {
        const definition: ScriptDefinition = { startStepId, steps };
        for (const problem of checkScript(definition)) {
          let at: unknown = definition;
          for (const key of scriptProblemPath(definition, problem)) {
            at = (at as Record<string | number, unknown>)[key];
          }
          expect(at, JSON.stringify(problem)).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('walking a script', () => {
  it('follows the citizen’s answer to its branch and ends after the last step', () => {
    const registered = walk(BANSOS, [null, null, 'ya']);
    expect(currentStepId(registered)).toBe('cek-status');
    const notRegistered = walk(BANSOS, [null, null, 'tidak', null, null]);
    expect(notRegistered.isFinished).toBe(true);
    expect(notRegistered.path.map((m) => m.stepId)).toEqual([
      'salam',
      'verifikasi',
      'terdaftar',
      'usulan',
      'penutup',
    ]);
    expect(notRegistered.path[2]).toEqual({ stepId: 'terdaftar', optionId: 'tidak' });
  });

  it('refuses a move that does not fit the step', () => {
    const atQuestion = walk(BANSOS, [null, null]);
    expect(answerStep(BANSOS, atQuestion, null)).toEqual({ ok: false, reason: 'answer-required' });
    expect(answerStep(BANSOS, atQuestion, 'mungkin')).toEqual({
      ok: false,
      reason: 'unknown-answer',
    });
    expect(answerStep(BANSOS, startProgress(BANSOS), 'ya')).toEqual({
      ok: false,
      reason: 'no-answers',
    });
    const done = walk(BANSOS, [null, null, 'ya', null, null]);
    expect(answerStep(BANSOS, done, null)).toEqual({ ok: false, reason: 'finished' });
  });

  it('goes back one step at a time, reopening the answer given there', () => {
    const registered = walk(BANSOS, [null, null, 'ya']);
    const back = stepBack(registered);
    expect(back).toEqual({
      path: [
        { stepId: 'salam', optionId: null },
        { stepId: 'verifikasi', optionId: null },
        { stepId: 'terdaftar', optionId: null },
      ],
      isFinished: false,
    });
    // Another answer now takes the other branch.
    const moved = answerStep(BANSOS, back, 'tidak');
    expect(moved.ok && currentStepId(moved.progress)).toBe('usulan');
    expect(stepBack(startProgress(BANSOS))).toEqual(startProgress(BANSOS));
    const done = walk(BANSOS, [null, null, 'ya', null, null]);
    expect(currentStepId(stepBack(done))).toBe('penutup');
    expect(stepBack(done).isFinished).toBe(false);
  });

  it('lists the required steps still ahead, none once finished', () => {
    expect(pendingRequiredSteps(BANSOS, startProgress(BANSOS))).toEqual(['verifikasi', 'penutup']);
    expect(pendingRequiredSteps(BANSOS, walk(BANSOS, [null, null]))).toEqual(['penutup']);
    expect(pendingRequiredSteps(BANSOS, walk(BANSOS, [null, null, 'ya', null, null]))).toEqual([]);
  });

  it('any sequence of moves keeps the path a route of the script', () => {
    const move = fc.oneof(
      fc.constant({ kind: 'back' as const }),
      fc
        .constantFrom(null, 'ya', 'tidak', 'x')
        .map((answer) => ({ kind: 'answer' as const, answer })),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
        let progress = startProgress(BANSOS);
        for (const m of moves) {
          if (m.kind === 'back') progress = stepBack(progress);
          else {
            const moved = answerStep(BANSOS, progress, m.answer);
            if (moved.ok) progress = moved.progress;
          }
        }
        expect(progress.path[0]!.stepId).toBe('salam');
        for (let i = 0; i + 1 < progress.path.length; i++) {
          const step = BANSOS.steps.find((s) => s.id === progress.path[i]!.stepId)!;
          const chosen = step.options?.find((o) => o.id === progress.path[i]!.optionId);
          expect(chosen ? chosen.next : step.next).toBe(progress.path[i + 1]!.stepId);
        }
      }),
    );
  });
});

describe('renderStepText', () => {
  it('uses the plain words for the segment that has them, and fills the variables', () => {
    const verification = BANSOS.steps[1]!;
    expect(renderStepText(verification, 'public', {}).isPlain).toBe(true);
    expect(renderStepText(verification, 'media', {}).text).toBe('Mohon sebutkan nama sesuai KTP.');
    expect(renderStepText(BANSOS.steps[0]!, 'public', { 'caller.name': 'Siti' }).text).toBe(
      'Selamat pagi, Siti.',
    );
  });
});
