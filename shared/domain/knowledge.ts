/**
 * The knowledge base's rules, free of I/O: the workflow of an answer version, who may move it, and
 * which version is in force at a moment. The server asks these before it writes; the client asks
 * them to decide which buttons to show.
 */
import type { Role } from '../schemas/common';
import type { VersionRef as GenericVersionRef } from './versions';

export const ANSWER_STATUSES = ['draft', 'review', 'published', 'retired'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const KNOWLEDGE_ACTIONS = ['edit', 'submit', 'send_back', 'publish', 'retire'] as const;
export type KnowledgeAction = (typeof KNOWLEDGE_ACTIONS)[number];

/**
 * Trainers write the answers agents will read (they already teach them); leads and administrators
 * may write too. Only leads and administrators verify: a policy answer reaches citizens only after
 * someone accountable for the floor has read it. Agents search and read; they never author.
 */
export const AUTHOR_ROLES: readonly Role[] = ['trainer', 'lead', 'admin'];
export const REVIEWER_ROLES: readonly Role[] = ['lead', 'admin'];

const TRANSITIONS: Record<KnowledgeAction, { from: AnswerStatus; to: AnswerStatus }> = {
  edit: { from: 'draft', to: 'draft' },
  submit: { from: 'draft', to: 'review' },
  send_back: { from: 'review', to: 'draft' },
  publish: { from: 'review', to: 'published' },
  retire: { from: 'published', to: 'retired' },
};

const ACTION_ROLES: Record<KnowledgeAction, readonly Role[]> = {
  edit: AUTHOR_ROLES,
  submit: AUTHOR_ROLES,
  send_back: REVIEWER_ROLES,
  publish: REVIEWER_ROLES,
  retire: REVIEWER_ROLES,
};

export interface Actor {
  id: string;
  role: Role;
}

export interface VersionState {
  status: AnswerStatus;
  authorId: string;
}

export type Decision =
  | { ok: true; to: AnswerStatus }
  /** `forbidden`: the role may never do this; `own_work`: the author may not verify their own
   * answer; `wrong_state`: not from this status. */
  | { ok: false; reason: 'forbidden' | 'own_work' | 'wrong_state' };

export function mayAuthor(role: Role): boolean {
  return AUTHOR_ROLES.includes(role);
}

/** Whether `actor` may apply `action` to a version as it stands. */
export function decide(version: VersionState, action: KnowledgeAction, actor: Actor): Decision {
  if (!ACTION_ROLES[action].includes(actor.role)) return { ok: false, reason: 'forbidden' };
  const transition = TRANSITIONS[action];
  if (version.status !== transition.from) return { ok: false, reason: 'wrong_state' };
  // Four eyes: "verified" means a second person read it. Retiring needs no second reader.
  if (action === 'publish' && version.authorId === actor.id) {
    return { ok: false, reason: 'own_work' };
  }
  return { ok: true, to: transition.to };
}

export interface Validity {
  status: AnswerStatus;
  effectiveFrom: number;
  /** Exclusive; null when the answer does not expire. */
  expiresAt: number | null;
}

/** Published, already effective and not yet expired at `at` (epoch ms). */
export function isInForce(version: Validity, at: number): boolean {
  return (
    version.status === 'published' &&
    version.effectiveFrom <= at &&
    (version.expiresAt === null || at < version.expiresAt)
  );
}

/** An expiry must come after the start, or the answer would never be in force. */
export function isValidPeriod(effectiveFrom: number, expiresAt: number | null): boolean {
  return expiresAt === null || expiresAt > effectiveFrom;
}

export type VersionRef = GenericVersionRef<AnswerStatus>;

export { nextVersionNumber, versionsRetiredByPublishing } from './versions';

/**
 * A new draft may start only when the answer has no draft or version under review: two open
 * versions would race each other to publication.
 */
export function mayStartNewVersion(versions: readonly VersionRef[]): boolean {
  return !versions.some((v) => v.status === 'draft' || v.status === 'review');
}
