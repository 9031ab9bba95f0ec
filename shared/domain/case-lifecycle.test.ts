import { describe, expect, it } from 'vitest';
import { CaseStatusSchema, type CaseStatus, type TransitionFields } from '../schemas/case';
import { REQUEST_TYPES, type RequestType } from '../schemas/deadlines';
import {
  LIFECYCLES,
  decideTransition,
  isTerminal,
  nextStatuses,
  statusesOf,
} from './case-lifecycle';

/** Fields that satisfy every guard, so the table alone decides. */
const FULL: TransitionFields = {
  decision: 'granted',
  reason: 'Ps 17 huruf a',
  holderBody: 'Dinas Sosial Provinsi',
  decidedBy: 'Sekretaris Jenderal, Atasan PPID',
  resolution: 'Diselesaikan',
};

function fieldsFor(type: RequestType, to: CaseStatus): TransitionFields {
  if (type === 'objection' && to === 'decided') return { ...FULL, decision: 'refusal_upheld' };
  return FULL;
}

describe.each(REQUEST_TYPES)('the %s lifecycle', (type) => {
  const statuses = statusesOf(type);
  const allowed = statuses.flatMap((from) => nextStatuses(type, from).map((to) => [from, to]));
  const forbidden = statuses.flatMap((from) =>
    CaseStatusSchema.options
      .filter((to) => to !== from && !nextStatuses(type, from).includes(to))
      .map((to) => [from, to]),
  );

  it('starts in a status of its own and reaches every status from it', () => {
    const { initial } = LIFECYCLES[type];
    expect(statuses).toContain(initial);
    const seen = new Set<CaseStatus>([initial]);
    const queue: CaseStatus[] = [initial];
    while (queue.length > 0) {
      for (const next of nextStatuses(type, queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...statuses].sort());
  });

  it('only names statuses that exist for the type, and every non-terminal one can end', () => {
    for (const from of statuses) {
      for (const to of nextStatuses(type, from)) expect(statuses).toContain(to);
    }
    expect(statuses.some((status) => isTerminal(type, status))).toBe(true);
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    const decision = decideTransition(
      type,
      from as CaseStatus,
      to as CaseStatus,
      fieldsFor(type, to as CaseStatus),
      { decision: 'granted' },
    );
    expect(decision).toMatchObject({ ok: true });
  });

  it.each(forbidden)('forbids %s → %s', (from, to) => {
    const decision = decideTransition(type, from as CaseStatus, to as CaseStatus, FULL, FULL);
    expect(decision).toMatchObject({ ok: false, refusal: 'not_allowed' });
  });

  it('refuses staying in the same status', () => {
    const { initial } = LIFECYCLES[type];
    expect(decideTransition(type, initial, initial)).toMatchObject({
      ok: false,
      refusal: 'same_status',
    });
  });

  it('stops every clock on reaching a terminal status', () => {
    for (const [from, to] of allowed) {
      const decision = decideTransition(
        type,
        from as CaseStatus,
        to as CaseStatus,
        fieldsFor(type, to as CaseStatus),
        { decision: 'granted' },
      );
      if (!decision.ok) throw new Error(decision.message);
      expect(decision.isClosing).toBe(isTerminal(type, to as CaseStatus));
      expect(decision.effects.some((e) => e.kind === 'stop_all')).toBe(decision.isClosing);
    }
  });
});

describe('guards on register fields', () => {
  it('an information notice names its decision, and a refusal its Ps 17 ground', () => {
    expect(decideTransition('information_request', 'in_review', 'notice_sent', {})).toMatchObject({
      ok: false,
      refusal: 'missing_field',
      field: 'decision',
    });
    expect(
      decideTransition('information_request', 'in_review', 'notice_sent', { decision: 'refused' }),
    ).toMatchObject({ ok: false, field: 'reason' });
    const granted = decideTransition('information_request', 'in_review', 'notice_sent', {
      decision: 'granted',
      fee: 0,
      holderBody: 'ignored',
    });
    expect(granted).toEqual({
      ok: true,
      effects: [{ kind: 'meet', clock: 'notice' }],
      recorded: { decision: 'granted', fee: 0 },
      isClosing: false,
    });
  });

  it('forwarding names the holder and meets the notice clock', () => {
    expect(decideTransition('information_request', 'in_review', 'forwarded', {})).toMatchObject({
      field: 'holderBody',
    });
    expect(
      decideTransition('information_request', 'in_review', 'forwarded', { holderBody: 'BPS' }),
    ).toMatchObject({
      ok: true,
      recorded: { decision: 'not_held', holderBody: 'BPS' },
      effects: [{ kind: 'meet', clock: 'notice' }],
    });
  });

  it('only granted information is delivered', () => {
    expect(
      decideTransition(
        'information_request',
        'notice_sent',
        'delivered',
        {},
        { decision: 'refused' },
      ),
    ).toMatchObject({ ok: false, refusal: 'not_allowed' });
    expect(
      decideTransition(
        'information_request',
        'notice_sent',
        'delivered',
        {},
        { decision: 'partly_granted' },
      ),
    ).toMatchObject({ ok: true });
  });

  it('an upheld refusal needs written reasons and the superior named (K10, K11)', () => {
    const base = { decision: 'refusal_upheld' as const, decidedBy: 'Sekjen' };
    expect(decideTransition('objection', 'with_superior', 'decided', base)).toMatchObject({
      field: 'reason',
    });
    expect(
      decideTransition('objection', 'with_superior', 'decided', {
        decision: 'objection_granted',
      }),
    ).toMatchObject({ field: 'decidedBy' });
    expect(
      decideTransition('objection', 'with_superior', 'decided', { ...base, reason: 'Ps 17 b' }),
    ).toMatchObject({ ok: true, effects: [{ kind: 'meet', clock: 'response' }] });
  });

  it('a complete complaint file starts the resolution clock (P6)', () => {
    expect(decideTransition('complaint', 'acknowledged', 'complete')).toMatchObject({
      ok: true,
      effects: [{ kind: 'start', clock: 'resolution' }],
    });
    expect(decideTransition('complaint', 'in_progress', 'resolved', {})).toMatchObject({
      field: 'resolution',
    });
  });

  it('a personal-data refusal names its Ps 33 reason', () => {
    expect(decideTransition('personal_data_request', 'received', 'refused', {})).toMatchObject({
      field: 'reason',
    });
  });
});
