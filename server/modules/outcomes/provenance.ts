import type { Kysely } from 'kysely';
import type { ScriptDefinition, ScriptMove } from '../../../shared/domain/guided-script';
import type { AnswerStatus } from '../../../shared/domain/knowledge';
import {
  describeStepsTaken,
  distinctUsedAnswers,
  usedAnswerRefusal,
  type UsedAnswerRefusal,
} from '../../../shared/domain/provenance';
import type { OutcomeProvenance, UsedAnswerRef } from '../../../shared/schemas/provenance';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';

/** What an outcome about to be written rests on, checked and read inside its transaction. */
export interface ProvenanceInput {
  answers: UsedAnswerRef[];
  script: { scriptId: string; version: number; path: ScriptMove[] } | null;
}

const REFUSALS: Record<UsedAnswerRefusal, (ref: UsedAnswerRef) => string> = {
  unknown: (ref) => `no answer "${ref.answerId}" with version ${ref.version}`,
  never_published: (ref) =>
    `version ${ref.version} of "${ref.answerId}" was never published; only verified answers may be cited`,
};

/**
 * Checks the answer versions the agent says they used (each must be or have been published) and
 * reads the script version pinned to the conversation: the client is never asked which script it
 * followed. Throws `invalid_payload` naming each refused entry.
 */
export async function resolveProvenance(
  db: Kysely<Database>,
  contactId: string,
  usedAnswers: readonly UsedAnswerRef[],
): Promise<ProvenanceInput> {
  const answerIds = [...new Set(usedAnswers.map((ref) => ref.answerId))];
  const [versions, pinned] = await Promise.all([
    answerIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('knowledge_versions')
          .select(['answer_id', 'version', 'status', 'published_at'])
          .where('answer_id', 'in', answerIds)
          .execute(),
    db
      .selectFrom('conversation_scripts')
      .select(['script_id', 'version', 'progress'])
      .where('contact_id', '=', contactId)
      .executeTakeFirst(),
  ]);
  const fields = usedAnswers.flatMap((ref, index) => {
    const found = versions.find((v) => v.answer_id === ref.answerId && v.version === ref.version);
    const refusal = usedAnswerRefusal(
      found && { status: found.status as AnswerStatus, publishedAt: found.published_at },
    );
    return refusal === null
      ? []
      : [{ path: `usedAnswers.${index}`, message: REFUSALS[refusal](ref) }];
  });
  if (fields.length > 0) {
    throw new AppError(
      'invalid_payload',
      'Only published knowledge answers can be recorded as used.',
      fields,
    );
  }
  return {
    answers: distinctUsedAnswers(usedAnswers),
    script: pinned
      ? {
          scriptId: pinned.script_id,
          version: pinned.version,
          path: (JSON.parse(pinned.progress) as { path: ScriptMove[] }).path,
        }
      : null,
  };
}

/** The outcome's columns that record the script. */
export function scriptColumns(provenance: ProvenanceInput) {
  return {
    script_id: provenance.script?.scriptId ?? null,
    script_version: provenance.script?.version ?? null,
    script_path: provenance.script ? JSON.stringify(provenance.script.path) : null,
  };
}

export async function insertOutcomeSources(
  db: Kysely<Database>,
  outcomeId: string,
  answers: readonly UsedAnswerRef[],
): Promise<void> {
  if (answers.length === 0) return;
  await db
    .insertInto('outcome_sources')
    .values(
      answers.map((ref, position) => ({
        outcome_id: outcomeId,
        answer_id: ref.answerId,
        version: ref.version,
        position,
      })),
    )
    .execute();
}

export interface OutcomeScriptColumns {
  id: string;
  script_id: string | null;
  script_version: number | null;
  script_path: string | null;
}

/**
 * The provenance of each outcome, by outcome id: the cited answer versions with their titles and
 * sources (a published version never changes, so reading them now reads what was used), and the
 * script version with the titles of the steps taken.
 */
export async function loadProvenance(
  db: Kysely<Database>,
  outcomes: readonly OutcomeScriptColumns[],
): Promise<Map<string, OutcomeProvenance>> {
  const result = new Map<string, OutcomeProvenance>();
  if (outcomes.length === 0) return result;
  const scriptIds = [
    ...new Set(outcomes.flatMap((o) => (o.script_id === null ? [] : [o.script_id]))),
  ];
  const [sources, scriptVersions] = await Promise.all([
    db
      .selectFrom('outcome_sources')
      .innerJoin('knowledge_versions', (join) =>
        join
          .onRef('knowledge_versions.answer_id', '=', 'outcome_sources.answer_id')
          .onRef('knowledge_versions.version', '=', 'outcome_sources.version'),
      )
      .select([
        'outcome_sources.outcome_id',
        'outcome_sources.answer_id',
        'outcome_sources.version',
        'knowledge_versions.title',
        'knowledge_versions.source_document',
        'knowledge_versions.source_article',
      ])
      .where(
        'outcome_sources.outcome_id',
        'in',
        outcomes.map((o) => o.id),
      )
      .orderBy('outcome_sources.outcome_id')
      .orderBy('outcome_sources.position')
      .execute(),
    scriptIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('script_versions')
          .select(['script_id', 'version', 'title', 'definition'])
          .where('script_id', 'in', scriptIds)
          .execute(),
  ]);
  for (const outcome of outcomes) {
    const script =
      outcome.script_id === null || outcome.script_version === null
        ? undefined
        : scriptVersions.find(
            (v) => v.script_id === outcome.script_id && v.version === outcome.script_version,
          );
    result.set(outcome.id, {
      answers: sources
        .filter((source) => source.outcome_id === outcome.id)
        .map((source) => ({
          answerId: source.answer_id,
          version: source.version,
          title: source.title,
          sourceDocument: source.source_document,
          sourceArticle: source.source_article,
        })),
      script: script
        ? {
            scriptId: script.script_id,
            version: script.version,
            title: script.title,
            steps: describeStepsTaken(
              JSON.parse(script.definition) as ScriptDefinition,
              JSON.parse(outcome.script_path ?? '[]') as ScriptMove[],
            ),
          }
        : null,
    });
  }
  return result;
}
