/**
 * Who may write guided scripts and how a version moves: draft → published → retired. Pure: the
 * server asks before it writes; the editor asks to decide which buttons to show.
 */
import type { Role } from '../schemas/common';
import type { VersionRef } from './versions';

export const SCRIPT_STATUSES = ['draft', 'published', 'retired'] as const;
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number];

export const SCRIPT_ACTIONS = ['edit', 'publish', 'retire'] as const;
export type ScriptAction = (typeof SCRIPT_ACTIONS)[number];

/**
 * Trainers write the scripts (they teach them) and administrators own the configuration: they
 * draft, publish and retire. Leads read what agents are given (they monitor conversations and
 * talk to agents about them) but do not change it; agents read the published version at the desk.
 */
export const SCRIPT_EDITOR_ROLES: readonly Role[] = ['trainer', 'admin'];
export const SCRIPT_READER_ROLES: readonly Role[] = ['agent', 'lead', 'trainer', 'admin'];

const TRANSITIONS: Record<ScriptAction, { from: ScriptStatus; to: ScriptStatus }> = {
  edit: { from: 'draft', to: 'draft' },
  publish: { from: 'draft', to: 'published' },
  retire: { from: 'published', to: 'retired' },
};

export type ScriptDecision =
  | { ok: true; to: ScriptStatus }
  /** `forbidden`: the role may never do this; `wrong_state`: not from this status. */
  | { ok: false; reason: 'forbidden' | 'wrong_state' };

export function mayEditScripts(role: Role): boolean {
  return SCRIPT_EDITOR_ROLES.includes(role);
}

/** Whether `role` may apply `action` to a version in `status`. */
export function decideScriptAction(
  status: ScriptStatus,
  action: ScriptAction,
  role: Role,
): ScriptDecision {
  if (!mayEditScripts(role)) return { ok: false, reason: 'forbidden' };
  const transition = TRANSITIONS[action];
  if (status !== transition.from) return { ok: false, reason: 'wrong_state' };
  return { ok: true, to: transition.to };
}

/** Editors see work in progress; readers see what agents were or are given. */
export function isScriptVersionVisible(role: Role, status: ScriptStatus): boolean {
  return mayEditScripts(role) || status !== 'draft';
}

/** One draft at a time: two would race each other to publication. */
export function mayStartScriptDraft(versions: readonly VersionRef<ScriptStatus>[]): boolean {
  return !versions.some((v) => v.status === 'draft');
}

/**
 * The version a new draft starts from: the published one (what agents use now), else the latest
 * (a script whose published version was retired starts again from where it stopped).
 */
export function draftSourceVersion(
  versions: readonly VersionRef<ScriptStatus>[],
): number | undefined {
  const published = versions.find((v) => v.status === 'published');
  if (published) return published.version;
  return versions.reduce<number | undefined>(
    (latest, v) => (latest === undefined || v.version > latest ? v.version : latest),
    undefined,
  );
}
