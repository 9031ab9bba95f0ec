import type { Kysely } from 'kysely';
import { indexVersion } from '../modules/knowledge/repository';
import type { Database } from '../store/schema';
import { KNOWLEDGE_CORPUS } from './knowledge-corpus';

const DEMO_KNOWLEDGE_SEEDED = 'seed:demo-knowledge';
/** 1 January 2025, 00:00 WIB: the demo answers have been in force since then. */
const DEMO_EFFECTIVE_FROM = Date.UTC(2024, 11, 31, 17, 0);

/**
 * The demo corpus, published: written by the demo trainer and verified by the demo lead, once per
 * database (DEMO=on only), so an answer an administrator retires stays retired after a restart.
 */
export async function seedDemoKnowledge(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('meta')
      .select('key')
      .where('key', '=', DEMO_KNOWLEDGE_SEEDED)
      .executeTakeFirst();
    if (done) return false;
    const people = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['trainer1', 'lead1'])
      .execute();
    const author = people.find((p) => p.username === 'trainer1');
    const reviewer = people.find((p) => p.username === 'lead1');
    if (!author || !reviewer) return false;
    for (const answer of KNOWLEDGE_CORPUS) {
      await trx
        .insertInto('knowledge_answers')
        .values({ id: answer.id, topic: answer.topic, unit_id: answer.unitId, created_at: now })
        .execute();
      const versionId = `${answer.id}-v1`;
      await trx
        .insertInto('knowledge_versions')
        .values({
          id: versionId,
          answer_id: answer.id,
          version: 1,
          status: 'published',
          title: answer.title,
          body: answer.body,
          summary: answer.summary,
          source_document: answer.sourceDocument,
          source_article: answer.sourceArticle,
          effective_from: DEMO_EFFECTIVE_FROM,
          expires_at: null,
          author_id: author.id,
          reviewer_id: reviewer.id,
          note: null,
          created_at: now,
          updated_at: now,
          published_at: now,
          retired_at: null,
        })
        .execute();
      await indexVersion(trx, { versionId, ...answer });
    }
    await trx
      .insertInto('meta')
      .values({ key: DEMO_KNOWLEDGE_SEEDED, value: String(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return true;
  });
}
