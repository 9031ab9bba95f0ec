/**
 * The knowledge answers an agent used in each conversation: inserted into a reply, or read out on
 * a call. Kept on this device per conversation until the outcome is logged, which cites them
 * (`outcome:log` `usedAnswers`); the agent may remove one used by mistake before that. Like reply
 * drafts, other parts of the desk change the list and the wrap-up form hears of it.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { KnowledgeHit } from '../../../shared/schemas/knowledge';
import type { UsedAnswerRef } from '../../../shared/schemas/provenance';
import { keysWithPrefix, readJson, removeKey, writeJson } from '../../lib/storage';

const PREFIX = 'tanggap:used-answers:';

export const UsedAnswerSchema = z.object({
  answerId: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  /** `Permensos 1/2018 Pasal 5`, as the search showed it. */
  source: z.string(),
  /** Inserted into a reply, or read out to a caller. */
  via: z.enum(['inserted', 'read']),
});
export type UsedAnswer = z.infer<typeof UsedAnswerSchema>;

const UsedAnswerListSchema = z.array(UsedAnswerSchema);

/** The list with `entry` added, unless that version is already in it. */
export function withUsedAnswer(list: readonly UsedAnswer[], entry: UsedAnswer): UsedAnswer[] {
  return list.some((used) => used.answerId === entry.answerId && used.version === entry.version)
    ? [...list]
    : [...list, entry];
}

export function withoutUsedAnswer(list: readonly UsedAnswer[], ref: UsedAnswerRef): UsedAnswer[] {
  return list.filter((used) => !(used.answerId === ref.answerId && used.version === ref.version));
}

export function usedAnswerOf(hit: KnowledgeHit, via: UsedAnswer['via']): UsedAnswer {
  return {
    answerId: hit.answerId,
    version: hit.version,
    title: hit.title,
    source: hit.source,
    via,
  };
}

type Listener = () => void;
const listeners = new Set<Listener>();
// useSyncExternalStore needs the same array for the same stored list.
const cache = new Map<string, { raw: string | null; list: UsedAnswer[] }>();

function rawOf(contactId: string): string | null {
  const value = readJson(PREFIX + contactId);
  return value === null ? null : JSON.stringify(value);
}

export function loadUsedAnswers(contactId: string): UsedAnswer[] {
  const raw = rawOf(contactId);
  const cached = cache.get(contactId);
  if (cached && cached.raw === raw) return cached.list;
  const parsed = UsedAnswerListSchema.safeParse(raw === null ? [] : JSON.parse(raw));
  const list = parsed.success ? parsed.data : [];
  cache.set(contactId, { raw, list });
  return list;
}

function save(contactId: string, list: UsedAnswer[]): void {
  if (list.length === 0) removeKey(PREFIX + contactId);
  else writeJson(PREFIX + contactId, list);
  for (const listener of listeners) listener();
}

export function recordUsedAnswer(contactId: string, entry: UsedAnswer): void {
  save(contactId, withUsedAnswer(loadUsedAnswers(contactId), entry));
}

export function removeUsedAnswer(contactId: string, ref: UsedAnswerRef): void {
  save(contactId, withoutUsedAnswer(loadUsedAnswers(contactId), ref));
}

export function clearUsedAnswers(contactId: string): void {
  save(contactId, []);
}

/** Forgets the lists of conversations this device no longer holds. */
export function pruneUsedAnswers(heldContactIds: readonly string[]): void {
  const held = new Set(heldContactIds.map((contactId) => PREFIX + contactId));
  for (const key of keysWithPrefix(PREFIX)) if (!held.has(key)) removeKey(key);
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The answers used in one conversation, live. */
export function useUsedAnswers(contactId: string | null): UsedAnswer[] {
  const read = useCallback(
    () => (contactId === null ? NONE : loadUsedAnswers(contactId)),
    [contactId],
  );
  return useSyncExternalStore(subscribe, read, read);
}

const NONE: UsedAnswer[] = [];
