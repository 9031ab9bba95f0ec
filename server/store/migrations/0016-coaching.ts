import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/** The form shipped for scoring a conversation; administrators and trainers change it later. */
export const DEFAULT_EVALUATION_FORM = {
  id: 'form-standard',
  title: 'Evaluasi percakapan standar',
  passPercent: 75,
  sections: [
    {
      id: 'opening',
      title: 'Pembukaan',
      questions: [
        {
          id: 'greeting',
          text: 'Menyapa dan menyebut nama instansi',
          weight: 10,
          scaleMax: 1,
          isCritical: false,
          allowsNotApplicable: false,
        },
        {
          id: 'verify',
          text: 'Memverifikasi identitas sebelum membuka data pribadi',
          weight: 20,
          scaleMax: 1,
          isCritical: true,
          allowsNotApplicable: true,
        },
      ],
    },
    {
      id: 'answer',
      title: 'Jawaban',
      questions: [
        {
          id: 'accuracy',
          text: 'Jawaban sesuai basis pengetahuan yang berlaku',
          weight: 40,
          scaleMax: 4,
          isCritical: true,
          allowsNotApplicable: false,
        },
        {
          id: 'plain',
          text: 'Bahasa jelas dan sesuai segmen penelepon',
          weight: 20,
          scaleMax: 4,
          isCritical: false,
          allowsNotApplicable: false,
        },
      ],
    },
    {
      id: 'closing',
      title: 'Penutupan',
      questions: [
        {
          id: 'reference',
          text: 'Menyebut nomor referensi dan langkah berikutnya',
          weight: 10,
          scaleMax: 1,
          isCritical: false,
          allowsNotApplicable: true,
        },
      ],
    },
  ],
} as const;

/**
 * Coaching (docs/training.md): whispers, replies held for approval, trainees' plans, the
 * coaching settings, evaluation forms and evaluations, and outcomes awaiting review.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('whispers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('from_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('whispers_contact_idx')
    .on('whispers')
    .columns(['contact_id', 'at'])
    .execute();

  // A held reply: `approval_state` pending → approved | edited | rejected, decided once.
  for (const column of [
    'approval_state',
    'approval_because',
    'approval_by',
    'approval_reason',
    'approval_original_text',
  ]) {
    await db.schema.alterTable('messages').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('messages').addColumn('approval_decided_at', 'bigint').execute();
  await db.schema
    .createIndex('messages_pending_approval_idx')
    .on('messages')
    .column('approval_state')
    .execute();

  await db.schema
    .createTable('coaching_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('approval_segments', 'text', (c) => c.notNull())
    .addColumn('trainee_outcomes_need_review', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint')
    .execute();
  await db
    .insertInto('coaching_settings')
    .values({ id: 1, approval_segments: '[]', trainee_outcomes_need_review: 0 })
    .execute();

  await db.schema
    .createTable('trainee_plans')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluation_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pass_percent', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('evaluation_forms')
    .values({
      id: DEFAULT_EVALUATION_FORM.id,
      title: DEFAULT_EVALUATION_FORM.title,
      pass_percent: DEFAULT_EVALUATION_FORM.passPercent,
      sections: JSON.stringify(DEFAULT_EVALUATION_FORM.sections),
      version: 1,
      updated_at: 0,
    })
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('evaluation_forms.id'))
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('form_title', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('evaluator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledgement_note', 'text')
    .execute();
  await db.schema
    .createIndex('evaluations_agent_idx')
    .on('evaluations')
    .columns(['agent_id', 'created_at'])
    .execute();

  // null: counts at once; `pending_review` until reviewed (`reviewed`).
  await db.schema.alterTable('outcomes').addColumn('review_status', 'text').execute();
  await db.schema.alterTable('outcomes').addColumn('reviewed_by', 'text').execute();
  await db.schema.alterTable('outcomes').addColumn('reviewed_at', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['reviewed_at', 'reviewed_by', 'review_status']) {
    await db.schema.alterTable('outcomes').dropColumn(column).execute();
  }
  await db.schema.dropTable('evaluations').execute();
  await db.schema.dropTable('evaluation_forms').execute();
  await db.schema.dropTable('trainee_plans').execute();
  await db.schema.dropTable('coaching_settings').execute();
  await db.schema.dropIndex('messages_pending_approval_idx').execute();
  for (const column of [
    'approval_decided_at',
    'approval_original_text',
    'approval_reason',
    'approval_by',
    'approval_because',
    'approval_state',
  ]) {
    await db.schema.alterTable('messages').dropColumn(column).execute();
  }
  await db.schema.dropTable('whispers').execute();
}
