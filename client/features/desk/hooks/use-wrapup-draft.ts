import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { keysWithPrefix, readJson, removeKey, writeJson } from '../../../lib/storage';
import type { CaseFormValue } from '../../../lib/case-form';
import { toDateTimeLocalValue } from '../../../lib/format';

/**
 * What the agent has typed into the wrap-up form for one contact, kept in localStorage so a
 * reload or a crash loses nothing. The command id is minted once per form and kept with the
 * draft: every submit of this form, retries included, carries the same id.
 */
export const WrapupDraftSchema = z.object({
  commandId: z.uuid(),
  wrapupCode: z.string().nullable(),
  notes: z.string(),
  followUpEnabled: z.boolean(),
  followUpTitle: z.string(),
  /** `datetime-local` value, local time. */
  followUpDue: z.string(),
  followUpOwnerId: z.string().nullable(),
  /** Whether the contact becomes a case with the outcome, and the case as typed so far. */
  caseEnabled: z.boolean().default(false),
  caseForm: z
    .custom<CaseFormValue>((value) => typeof value === 'object' && value !== null)
    .optional(),
  /**
   * No longer written: a submitted wrap-up waits in the outbox (lib/outbox.ts). Kept so drafts
   * saved by an earlier version still parse.
   */
  pendingSubmit: z.boolean().default(false),
  /** When it was last written (client clock), so forgotten drafts can be cleared. */
  savedAt: z.number().default(0),
});
export type WrapupDraft = z.infer<typeof WrapupDraftSchema>;

export function wrapupDraftKey(userId: string, contactId: string): string {
  return `${draftPrefix(userId)}${contactId}`;
}

function draftPrefix(userId: string): string {
  return `tanggap.wrapup.${userId}.`;
}

/** A draft older than a shift, for a conversation the agent no longer holds, is forgotten. */
export const DRAFT_MAX_AGE_MS = 12 * 60 * 60_000;

/**
 * Clears this agent's wrap-up drafts that can no longer be sent (the conversation is not theirs
 * any more) once they are older than a shift, so citizens' details do not linger on a shared
 * workstation.
 */
export function pruneWrapupDrafts(
  userId: string,
  heldContactIds: readonly string[],
  now = Date.now(),
): void {
  const held = new Set(heldContactIds.map((contactId) => wrapupDraftKey(userId, contactId)));
  for (const key of keysWithPrefix(draftPrefix(userId))) {
    if (held.has(key)) continue;
    const parsed = WrapupDraftSchema.safeParse(readJson(key));
    if (!parsed.success || now - parsed.data.savedAt > DRAFT_MAX_AGE_MS) removeKey(key);
  }
}

/** Tomorrow at 09:00 local time: a sensible first due date for a follow-up. */
function defaultDue(now: number): string {
  const date = new Date(now);
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return toDateTimeLocalValue(date.getTime());
}

export function newWrapupDraft(ownerId: string | null, now = Date.now()): WrapupDraft {
  return {
    commandId: crypto.randomUUID(),
    wrapupCode: null,
    notes: '',
    followUpEnabled: false,
    followUpTitle: '',
    followUpDue: defaultDue(now),
    followUpOwnerId: ownerId,
    caseEnabled: false,
    pendingSubmit: false,
    savedAt: now,
  };
}

function loadDraft(key: string, ownerId: string | null): WrapupDraft {
  const parsed = WrapupDraftSchema.safeParse(readJson(key));
  return parsed.success ? parsed.data : newWrapupDraft(ownerId);
}

export function useWrapupDraft(key: string, ownerId: string | null) {
  const [state, setState] = useState(() => ({ key, draft: loadDraft(key, ownerId) }));
  // A different contact means a different draft (reading during render, as React recommends
  // for state derived from a changed prop).
  let current = state;
  if (state.key !== key) {
    current = { key, draft: loadDraft(key, ownerId) };
    setState(current);
  }
  const draft = current.draft;

  useEffect(() => {
    writeJson(current.key, { ...draft, savedAt: Date.now() });
  }, [current.key, draft]);

  const update = useCallback((patch: Partial<Omit<WrapupDraft, 'commandId' | 'savedAt'>>) => {
    setState((previous) => ({ key: previous.key, draft: { ...previous.draft, ...patch } }));
  }, []);

  return { draft, update };
}
