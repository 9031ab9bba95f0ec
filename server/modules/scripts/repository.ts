import type { Kysely } from 'kysely';
import {
  pendingRequiredSteps,
  renderScriptSteps,
  startProgress,
  type ScriptDefinition,
  type ScriptProgress,
} from '../../../shared/domain/guided-script';
import type { SegmentCode } from '../../../shared/schemas/common';
import type { Script, ScriptState } from '../../../shared/schemas/contact';
import type { Database } from '../../store/schema';

/** The script version a conversation follows, and where it is in it. */
export interface PinnedScript {
  contactId: string;
  scriptId: string;
  topic: string;
  title: string;
  version: number;
  definition: ScriptDefinition;
  progress: ScriptProgress;
  revision: number;
}

/**
 * The conversation's script: the version pinned to it, or, the first time (or after a transfer
 * to another topic), the version published now for its topic, pinned from here on. Publishing a
 * new version therefore never changes a script under an agent in mid-conversation.
 */
export async function pinConversationScript(
  db: Kysely<Database>,
  contact: { id: string; topic: string },
  now: number,
): Promise<PinnedScript | undefined> {
  const pinned = await loadPinnedScript(db, contact.id);
  if (pinned && pinned.topic === contact.topic) return pinned;
  const published = await db
    .selectFrom('script_versions')
    .innerJoin('scripts', 'scripts.id', 'script_versions.script_id')
    .select(['script_versions.script_id', 'script_versions.version'])
    .where('scripts.topic', '=', contact.topic)
    .where('script_versions.status', '=', 'published')
    .orderBy('script_versions.version', 'desc')
    .executeTakeFirst();
  if (!published) return pinned;
  const definition = await loadDefinition(db, published.script_id, published.version);
  const progress = JSON.stringify(startProgress(definition));
  if (pinned) {
    await db
      .updateTable('conversation_scripts')
      .set({
        script_id: published.script_id,
        version: published.version,
        progress,
        revision: pinned.revision + 1,
        updated_at: now,
      })
      .where('contact_id', '=', contact.id)
      .execute();
  } else {
    await db
      .insertInto('conversation_scripts')
      .values({
        contact_id: contact.id,
        script_id: published.script_id,
        version: published.version,
        progress,
        revision: 0,
        updated_at: now,
      })
      // Two first readers at once: the first pin stands.
      .onConflict((oc) => oc.column('contact_id').doNothing())
      .execute();
  }
  return loadPinnedScript(db, contact.id);
}

export async function loadPinnedScript(
  db: Kysely<Database>,
  contactId: string,
): Promise<PinnedScript | undefined> {
  const row = await db
    .selectFrom('conversation_scripts')
    .innerJoin('script_versions', (join) =>
      join
        .onRef('script_versions.script_id', '=', 'conversation_scripts.script_id')
        .onRef('script_versions.version', '=', 'conversation_scripts.version'),
    )
    .innerJoin('scripts', 'scripts.id', 'conversation_scripts.script_id')
    .select([
      'conversation_scripts.contact_id',
      'conversation_scripts.script_id',
      'conversation_scripts.version',
      'conversation_scripts.progress',
      'conversation_scripts.revision',
      'script_versions.title',
      'script_versions.definition',
      'scripts.topic',
    ])
    .where('conversation_scripts.contact_id', '=', contactId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    contactId: row.contact_id,
    scriptId: row.script_id,
    topic: row.topic,
    title: row.title,
    version: row.version,
    definition: JSON.parse(row.definition) as ScriptDefinition,
    progress: JSON.parse(row.progress) as ScriptProgress,
    revision: row.revision,
  };
}

async function loadDefinition(
  db: Kysely<Database>,
  scriptId: string,
  version: number,
): Promise<ScriptDefinition> {
  const row = await db
    .selectFrom('script_versions')
    .select('definition')
    .where('script_id', '=', scriptId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.definition) as ScriptDefinition;
}

export function scriptStateOf(pin: PinnedScript): ScriptState {
  return {
    contactId: pin.contactId,
    progress: pin.progress,
    pendingRequired: pendingRequiredSteps(pin.definition, pin.progress),
    revision: pin.revision,
  };
}

/** The pinned version as the agent reads it: this caller's words, variables filled. */
export function renderScript(
  pin: PinnedScript,
  segment: SegmentCode,
  variables: Readonly<Record<string, string | null | undefined>>,
): Script {
  return {
    id: pin.scriptId,
    topic: pin.topic,
    title: pin.title,
    version: pin.version,
    steps: renderScriptSteps(pin.definition, segment, variables),
    state: scriptStateOf(pin),
  };
}
