/**
 * Provenance of an outcome: which verified answer versions and which script version the agent's
 * words rested on. Pure rules the server applies before recording them, and the one way both
 * sides write a citation.
 */
import type { CitedAnswer, UsedAnswerRef } from '../schemas/provenance';
import type { AnswerStatus } from './knowledge';
import type { ScriptDefinition, ScriptMove } from './guided-script';

/** Each answer version once, in the order the agent first used it. */
export function distinctUsedAnswers(refs: readonly UsedAnswerRef[]): UsedAnswerRef[] {
  const seen = new Set<string>();
  const distinct: UsedAnswerRef[] = [];
  for (const ref of refs) {
    const key = `${ref.answerId}\u0000${ref.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push({ answerId: ref.answerId, version: ref.version });
  }
  return distinct;
}

export interface CitableVersion {
  status: AnswerStatus;
  publishedAt: number | null;
}

export type UsedAnswerRefusal = 'unknown' | 'never_published';

/**
 * Whether an outcome may cite this version. A version that is or was published may: one retired
 * by a newer publication while the agent was still talking, or past its end date, is still what
 * the citizen was told, and the record must say so truthfully. A draft or a version in review was
 * never verified, never offered by the desk's search, and is refused.
 */
export function usedAnswerRefusal(version: CitableVersion | undefined): UsedAnswerRefusal | null {
  if (version === undefined) return 'unknown';
  if (version.publishedAt === null) return 'never_published';
  if (version.status !== 'published' && version.status !== 'retired') return 'never_published';
  return null;
}

/** `Syarat PKH v3 (Permensos 1/2018 Pasal 5)`. */
export function citeAnswer(answer: CitedAnswer): string {
  const source = [answer.sourceDocument, answer.sourceArticle ?? '']
    .filter((part) => part.trim() !== '')
    .join(' ');
  return source === ''
    ? `${answer.title} v${answer.version}`
    : `${answer.title} v${answer.version} (${source})`;
}

/** `Bansos v2`. */
export function citeScript(script: { title: string; version: number }): string {
  return `${script.title} v${script.version}`;
}

/** The steps a conversation took through its script, with titles and the answers' labels. */
export function describeStepsTaken(
  definition: ScriptDefinition,
  path: readonly ScriptMove[],
): { stepId: string; title: string; answer: string | null }[] {
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  return path.map((move) => {
    const step = byId.get(move.stepId);
    const answer =
      move.optionId === null
        ? null
        : (step?.options?.find((option) => option.id === move.optionId)?.label ?? move.optionId);
    return { stepId: move.stepId, title: step?.title ?? move.stepId, answer };
  });
}
