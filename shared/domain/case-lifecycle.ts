/**
 * The lifecycle of each request type as a pure state machine (indonesia.md §2, "Lifecycles"):
 * which status may follow which, which fields a step needs, and what each step does to the
 * type's clocks. The server decides with it; the client uses it to offer only possible steps.
 */
import type { CaseStatus, TransitionFields } from '../schemas/case';
import type { ClockName, RequestType } from '../schemas/deadlines';

export interface Lifecycle {
  initial: CaseStatus;
  /** Every status of the type, with the statuses allowed next; terminal statuses list none. */
  next: Partial<Record<CaseStatus, readonly CaseStatus[]>>;
}

const withdrawable = 'withdrawn' as const;

export const LIFECYCLES: Record<RequestType, Lifecycle> = {
  // UU 14/2008 Ps 22: registered at receipt; notice (granted, partly, refused) or forwarded
  // (not held, naming the holder) within the clock; withdrawal possible until the notice.
  information_request: {
    initial: 'received',
    next: {
      received: ['registered', 'incomplete', withdrawable],
      incomplete: ['registered', withdrawable],
      registered: ['in_review', withdrawable],
      in_review: ['notice_sent', 'forwarded', withdrawable],
      forwarded: ['closed'],
      notice_sent: ['delivered', 'closed'],
      delivered: ['closed'],
      closed: [],
      withdrawn: [],
    },
  },
  // Ps 35-36: to the Atasan PPID, decided within 30 HK; a lapse or an upheld refusal may go on
  // to the Komisi Informasi (K12).
  objection: {
    initial: 'filed',
    next: {
      filed: ['with_superior', withdrawable],
      with_superior: ['decided', 'escalated_ki', withdrawable],
      decided: ['closed', 'escalated_ki'],
      escalated_ki: [],
      closed: [],
      withdrawn: [],
    },
  },
  // UU 25/2009 and Perpres 76/2013: answered within 14 days saying whether the file is complete;
  // the complainant completes it (else deemed withdrawn); resolved within 60 days of completeness.
  complaint: {
    initial: 'received',
    next: {
      received: ['acknowledged', withdrawable],
      acknowledged: ['awaiting_complainant', 'complete', withdrawable],
      awaiting_complainant: ['complete', 'deemed_withdrawn', withdrawable],
      complete: ['disposed', 'in_progress', withdrawable],
      disposed: ['in_progress', withdrawable],
      in_progress: ['resolved', withdrawable],
      resolved: ['closed', 'reopened'],
      reopened: ['in_progress'],
      deemed_withdrawn: [],
      closed: [],
      withdrawn: [],
    },
  },
  // A simple question: answered, or converted to an information request when the caller asks for
  // information the body holds (K1).
  inquiry: {
    initial: 'received',
    next: {
      received: ['answered', 'converted', withdrawable],
      answered: ['closed'],
      converted: [],
      closed: [],
      withdrawn: [],
    },
  },
  aspiration: {
    initial: 'received',
    next: {
      received: ['forwarded', 'followed_up', 'closed'],
      forwarded: ['followed_up'],
      followed_up: ['closed'],
      closed: [],
    },
  },
  // UU 27/2022 Ps 32-33: identity first; fulfilled or refused (Ps 33 reason) within 3x24 hours.
  personal_data_request: {
    initial: 'received',
    next: {
      received: ['identity_verified', 'refused', withdrawable],
      identity_verified: ['done', 'refused'],
      done: [],
      refused: [],
      withdrawn: [],
    },
  },
};

/** Every status a type can be in. */
export function statusesOf(type: RequestType): CaseStatus[] {
  return Object.keys(LIFECYCLES[type].next) as CaseStatus[];
}

export function nextStatuses(type: RequestType, from: CaseStatus): readonly CaseStatus[] {
  return LIFECYCLES[type].next[from] ?? [];
}

export function isTerminal(type: RequestType, status: CaseStatus): boolean {
  return nextStatuses(type, status).length === 0;
}

/** What a step does to a clock. */
export type ClockEffect =
  { kind: 'meet'; clock: ClockName } | { kind: 'start'; clock: ClockName } | { kind: 'stop_all' };

/** Clocks met by reaching a status: the obligation the clock measures has been done. */
const MEETS: Record<RequestType, Partial<Record<CaseStatus, ClockName>>> = {
  information_request: { notice_sent: 'notice', forwarded: 'notice' },
  objection: { decided: 'response' },
  complaint: { acknowledged: 'acknowledgement', resolved: 'resolution' },
  personal_data_request: { done: 'fulfilment', refused: 'fulfilment' },
  inquiry: { answered: 'answer', converted: 'answer' },
  aspiration: { followed_up: 'follow_up', closed: 'follow_up' },
};

/** Clocks that start at a status rather than at receipt (complaint resolution, P6). */
const STARTS: Partial<Record<RequestType, Partial<Record<CaseStatus, ClockName>>>> = {
  complaint: { complete: 'resolution' },
};

export type TransitionDecision =
  | {
      ok: true;
      effects: ClockEffect[];
      /** Fields to keep in the register (the relevant subset of what was sent). */
      recorded: TransitionFields;
      isClosing: boolean;
    }
  | {
      ok: false;
      refusal: 'not_allowed' | 'missing_field' | 'same_status';
      message: string;
      field?: keyof TransitionFields;
    };

function missing(field: keyof TransitionFields, message: string): TransitionDecision {
  return { ok: false, refusal: 'missing_field', message, field };
}

/** The fields a target status requires, checked against what was sent. */
function checkFields(
  type: RequestType,
  to: CaseStatus,
  fields: TransitionFields,
  earlier: TransitionFields,
): TransitionDecision | TransitionFields {
  const decision = fields.decision;
  if (type === 'information_request') {
    if (to === 'notice_sent') {
      if (!decision || !['granted', 'partly_granted', 'refused'].includes(decision)) {
        return missing('decision', 'A notice says granted, partly granted or refused (K4).');
      }
      if ((decision === 'refused' || decision === 'partly_granted') && !fields.reason) {
        return missing('reason', 'A refusal names its Ps 17 ground (K4 c, e).');
      }
      return pick(fields, ['decision', 'reason', 'fee']);
    }
    if (to === 'forwarded') {
      if (!fields.holderBody) {
        return missing('holderBody', 'Name the body that holds the information (K4 b).');
      }
      return { decision: 'not_held', holderBody: fields.holderBody };
    }
    if (
      to === 'delivered' &&
      earlier.decision !== 'granted' &&
      earlier.decision !== 'partly_granted'
    ) {
      return {
        ok: false,
        refusal: 'not_allowed',
        message: 'Only granted information is delivered; close a refused request instead.',
      };
    }
  }
  if (type === 'objection' && to === 'decided') {
    if (decision !== 'objection_granted' && decision !== 'refusal_upheld') {
      return missing('decision', 'The superior grants the objection or upholds the refusal.');
    }
    if (decision === 'refusal_upheld' && !fields.reason) {
      return missing('reason', 'Upholding the refusal needs written reasons (K10).');
    }
    if (!fields.decidedBy) {
      return missing('decidedBy', 'Name and position of the Atasan PPID (K11).');
    }
    return pick(fields, ['decision', 'reason', 'decidedBy']);
  }
  if (type === 'complaint' && to === 'resolved' && !fields.resolution) {
    return missing('resolution', 'Say how the complaint was resolved.');
  }
  if (type === 'inquiry' && to === 'answered' && !fields.resolution) {
    return missing('resolution', 'Write the answer given.');
  }
  if (type === 'aspiration' && to === 'followed_up' && !fields.resolution) {
    return missing('resolution', 'Say what follow-up was given.');
  }
  if (type === 'personal_data_request' && to === 'refused' && !fields.reason) {
    return missing('reason', 'A refusal names its Ps 33 reason.');
  }
  if (to === 'withdrawn' || to === 'deemed_withdrawn') return pick(fields, ['reason']);
  return pick(fields, ['resolution', 'reason']);
}

function pick(fields: TransitionFields, keys: (keyof TransitionFields)[]): TransitionFields {
  const out: TransitionFields = {};
  for (const key of keys) {
    if (fields[key] !== undefined) (out as Record<string, unknown>)[key] = fields[key];
  }
  return out;
}

/**
 * Whether a case of `type` in `from` may move to `to` with `fields`, and what that does to its
 * clocks. `earlier` holds the register fields recorded by earlier steps.
 */
export function decideTransition(
  type: RequestType,
  from: CaseStatus,
  to: CaseStatus,
  fields: TransitionFields = {},
  earlier: TransitionFields = {},
): TransitionDecision {
  if (from === to) {
    return { ok: false, refusal: 'same_status', message: `The case is already ${to}.` };
  }
  if (!nextStatuses(type, from).includes(to)) {
    return {
      ok: false,
      refusal: 'not_allowed',
      message: `A ${type} cannot go from ${from} to ${to}.`,
    };
  }
  const checked = checkFields(type, to, fields, earlier);
  if ('ok' in checked) return checked;
  const effects: ClockEffect[] = [];
  const met = MEETS[type][to];
  if (met) effects.push({ kind: 'meet', clock: met });
  const started = STARTS[type]?.[to];
  if (started) effects.push({ kind: 'start', clock: started });
  const isClosing = isTerminal(type, to);
  if (isClosing) effects.push({ kind: 'stop_all' });
  return { ok: true, effects, recorded: checked, isClosing };
}
