import { describe, expect, it } from 'vitest';
import {
  DRAFT_MAX_AGE_MS,
  newWrapupDraft,
  pruneWrapupDrafts,
  wrapupDraftKey,
  WrapupDraftSchema,
} from './use-wrapup-draft';

const NOW = Date.UTC(2026, 10, 28, 8, 0);

function store(userId: string, contactId: string, savedAt: number): string {
  const key = wrapupDraftKey(userId, contactId);
  window.localStorage.setItem(key, JSON.stringify({ ...newWrapupDraft(userId, NOW), savedAt }));
  return key;
}

describe('wrap-up drafts', () => {
  it('mint a command id per draft', () => {
    const a = newWrapupDraft('u-1', NOW);
    const b = newWrapupDraft('u-1', NOW);
    expect(WrapupDraftSchema.parse(a).commandId).not.toBe(b.commandId);
  });

  it('are forgotten after a shift unless one of the conversations is still held', () => {
    const old = NOW - DRAFT_MAX_AGE_MS - 1;
    const stale = store('u-1', 'c-gone', old);
    const recent = store('u-1', 'c-recent', NOW - 60_000);
    const held = store('u-1', 'c-held', old);
    const alsoHeld = store('u-1', 'c-held-2', old);
    const otherAgent = store('u-2', 'c-gone', old);
    window.localStorage.setItem(wrapupDraftKey('u-1', 'c-broken'), '{not json');

    pruneWrapupDrafts('u-1', ['c-held', 'c-held-2'], NOW);

    expect(window.localStorage.getItem(stale)).toBeNull();
    expect(window.localStorage.getItem(wrapupDraftKey('u-1', 'c-broken'))).toBeNull();
    expect(window.localStorage.getItem(recent)).not.toBeNull();
    expect(window.localStorage.getItem(held)).not.toBeNull();
    expect(window.localStorage.getItem(alsoHeld)).not.toBeNull();
    expect(window.localStorage.getItem(otherAgent)).not.toBeNull();
  });
});
