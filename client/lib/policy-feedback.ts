/**
 * The wrap-up's policy feedback, per conversation, kept on this device until the outcome is
 * logged (`outcome:log` `policyFeedback`). The policies feature writes it (the rows under the
 * wrap-up), the desk's wrap-up form reads it into the payload, and the outbox session clears it
 * once the server has the outcome. Lives in lib/ because two features share it.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { UNDERSTANDING_LEVELS } from '../../shared/domain/policy-report';
import type { PolicyFeedbackInput } from '../../shared/schemas/policy';
import { readJson, removeKey, writeJson } from './storage';

const PREFIX = 'tanggap:policy-feedback:';

export const PolicyFeedbackDraftSchema = z.object({
  policyId: z.string(),
  title: z.string(),
  /** Null until the agent picks one; such rows are not sent. */
  understanding: z.enum(UNDERSTANDING_LEVELS).nullable(),
  question: z.string(),
});
export type PolicyFeedbackDraft = z.infer<typeof PolicyFeedbackDraftSchema>;

const ListSchema = z.array(PolicyFeedbackDraftSchema);
type Listener = () => void;
const listeners = new Set<Listener>();
const cache = new Map<string, { raw: string | null; list: PolicyFeedbackDraft[] }>();
const NONE: PolicyFeedbackDraft[] = [];

export function loadPolicyFeedback(contactId: string): PolicyFeedbackDraft[] {
  const value = readJson(PREFIX + contactId);
  const raw = value === null ? null : JSON.stringify(value);
  const cached = cache.get(contactId);
  if (cached && cached.raw === raw) return cached.list;
  const parsed = ListSchema.safeParse(value ?? []);
  const list = parsed.success ? parsed.data : [];
  cache.set(contactId, { raw, list });
  return list;
}

export function savePolicyFeedback(contactId: string, list: PolicyFeedbackDraft[]): void {
  if (list.length === 0) removeKey(PREFIX + contactId);
  else writeJson(PREFIX + contactId, list);
  for (const listener of listeners) listener();
}

export function clearPolicyFeedback(contactId: string): void {
  savePolicyFeedback(contactId, []);
}

/** The rows the agent completed, as the command wants them. */
export function toPolicyFeedbackPayload(
  list: readonly PolicyFeedbackDraft[],
): PolicyFeedbackInput[] {
  return list.flatMap((row) =>
    row.understanding === null
      ? []
      : [
          {
            policyId: row.policyId,
            understanding: row.understanding,
            ...(row.question.trim() === '' ? {} : { question: row.question.trim() }),
          },
        ],
  );
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One conversation's feedback rows, live. */
export function usePolicyFeedback(contactId: string | null): PolicyFeedbackDraft[] {
  const read = useCallback(
    () => (contactId === null ? NONE : loadPolicyFeedback(contactId)),
    [contactId],
  );
  return useSyncExternalStore(subscribe, read, read);
}
