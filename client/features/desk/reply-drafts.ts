/**
 * Reply drafts, one per conversation, kept on this device until sent. Other parts of the desk (the
 * knowledge panel) add text to a draft through `appendToReplyDraft`; the reply box of that
 * conversation hears of it and shows the new text, whether it was open at the time or not.
 */
import { readJson, removeKey, writeJson } from '../../lib/storage';

const DRAFT_PREFIX = 'tanggap:reply-draft:';

export interface ReplyDraft {
  text: string;
  /** Kept until the server acknowledges, so a resend after a lost ack sends once. */
  commandId: string;
}

type Listener = (contactId: string) => void;
const listeners = new Set<Listener>();

export function loadReplyDraft(contactId: string): ReplyDraft {
  const stored = readJson(DRAFT_PREFIX + contactId) as Partial<ReplyDraft> | null;
  return {
    text: typeof stored?.text === 'string' ? stored.text : '',
    commandId: typeof stored?.commandId === 'string' ? stored.commandId : crypto.randomUUID(),
  };
}

export function saveReplyDraft(contactId: string, draft: ReplyDraft): void {
  if (draft.text.trim() === '') removeKey(DRAFT_PREFIX + contactId);
  else writeJson(DRAFT_PREFIX + contactId, draft);
}

export function clearReplyDraft(contactId: string): void {
  removeKey(DRAFT_PREFIX + contactId);
}

/** Adds `text` after what the agent already wrote, on a new paragraph. */
export function appendToReplyDraft(contactId: string, text: string): void {
  const draft = loadReplyDraft(contactId);
  const joined = draft.text.trim() === '' ? text : `${draft.text.trimEnd()}\n\n${text}`;
  saveReplyDraft(contactId, { ...draft, text: joined });
  for (const listener of listeners) listener(contactId);
}

/** Called with the contact id whenever text is appended to a draft; returns the unsubscribe. */
export function onReplyDraftAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
