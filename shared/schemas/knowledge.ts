import { z } from 'zod';
import { ANSWER_STATUSES } from '../domain/knowledge';
import { EpochMsSchema, IdSchema } from './common';

export const AnswerStatusSchema = z.enum(ANSWER_STATUSES);

/** What an author writes for one version of an answer. */
const VersionFieldsSchema = z.object({
  title: z.string().trim().min(5, 'at least 5 characters').max(200),
  /** The full answer an agent may send to a citizen. */
  body: z.string().trim().min(1, 'is required').max(10_000),
  /** The same in plain words, for every background. */
  summary: z.string().trim().min(1, 'is required').max(500),
  /** The regulation or document, e.g. `Permensos 1/2018`. */
  sourceDocument: z.string().trim().min(1, 'is required').max(200),
  /** The article within it, e.g. `Pasal 5 ayat (2)`. */
  sourceArticle: z.string().trim().max(100).nullable().default(null),
  effectiveFrom: EpochMsSchema,
  /** Exclusive; null when the answer does not expire. */
  expiresAt: EpochMsSchema.nullable().default(null),
});

function withValidPeriod<S extends z.ZodType<{ effectiveFrom: number; expiresAt: number | null }>>(
  schema: S,
) {
  return schema.refine((v) => v.expiresAt === null || v.expiresAt > v.effectiveFrom, {
    message: 'must be after effectiveFrom',
    path: ['expiresAt'],
  });
}

/** `PUT /api/knowledge/:id/versions/:version` and `POST /api/knowledge/:id/versions`. */
export const VersionBodySchema = withValidPeriod(VersionFieldsSchema);
export type VersionBody = z.output<typeof VersionBodySchema>;

/** `POST /api/knowledge`: a new answer, its first version a draft. */
export const CreateAnswerBodySchema = withValidPeriod(
  VersionFieldsSchema.extend({
    topic: z.string().trim().min(1, 'is required').max(64),
    /** The owning unit (`units.id`), answerable for the policy. */
    unitId: z.string().trim().min(1, 'is required').max(64),
  }),
);
export type CreateAnswerBody = z.output<typeof CreateAnswerBodySchema>;

const TransitionFieldsSchema = z.object({ note: z.string().trim().max(500).optional() });

/** Submit, send back, publish, retire: an optional note for the next reader. */
export const TransitionBodySchema = TransitionFieldsSchema.default({});

/**
 * Publish: the note becomes the notice's line saying what changed; an administrator may mark the
 * change must-read for every agent at once.
 */
export const PublishBodySchema = TransitionFieldsSchema.extend({
  mustRead: z.boolean().optional(),
}).default({});
export type PublishBody = z.output<typeof PublishBodySchema>;

export const AnswerVersionSchema = z.object({
  version: z.number().int().positive(),
  status: AnswerStatusSchema,
  title: z.string(),
  body: z.string(),
  summary: z.string(),
  sourceDocument: z.string(),
  sourceArticle: z.string().nullable(),
  effectiveFrom: EpochMsSchema,
  expiresAt: EpochMsSchema.nullable(),
  /** Lets a client tell the author apart: nobody publishes their own version. */
  authorId: IdSchema,
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  publishedAt: EpochMsSchema.nullable(),
  retiredAt: EpochMsSchema.nullable(),
});
export type AnswerVersion = z.infer<typeof AnswerVersionSchema>;

/** `GET /api/knowledge/:id`: an answer with its versions, newest first (agents: published and
 * retired ones only). */
export const AnswerDetailSchema = z.object({
  id: IdSchema,
  topic: z.string(),
  unitId: z.string(),
  versions: z.array(AnswerVersionSchema),
});
export type AnswerDetail = z.infer<typeof AnswerDetailSchema>;

export const KnowledgeSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'is required').max(200),
  topic: z.string().trim().min(1).max(64).optional(),
});

export const KnowledgeHitSchema = z.object({
  answerId: IdSchema,
  version: z.number().int().positive(),
  topic: z.string(),
  title: z.string(),
  summary: z.string(),
  /** `Permensos 1/2018 Pasal 5`. */
  source: z.string(),
  /** Where the words matched, marked with « and ». */
  snippet: z.string(),
  /** The full answer, so inserting it into a reply needs no second request. */
  body: z.string(),
});
export type KnowledgeHit = z.infer<typeof KnowledgeHitSchema>;

/** `GET /api/knowledge/search`: published answers in force now, best first, at most 10. */
export const KnowledgeSearchResultSchema = z.object({ hits: z.array(KnowledgeHitSchema) });
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResultSchema>;

/** Lists at most this many answers per page. */
export const KNOWLEDGE_LIST_MAX = 100;

/**
 * `GET /api/knowledge`: answers for the authoring screen. `status` picks answers having a version in
 * that status (and shows that version); without it, each answer's latest version. Agents list
 * published (or retired) answers only.
 */
export const KnowledgeListQuerySchema = z.object({
  status: AnswerStatusSchema.optional(),
  topic: z.string().trim().min(1).max(64).optional(),
  unitId: z.string().trim().min(1).max(64).optional(),
  /** Words in the title, summary or source document. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(KNOWLEDGE_LIST_MAX).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type KnowledgeListQuery = z.output<typeof KnowledgeListQuerySchema>;

export const KnowledgeListItemSchema = z.object({
  answerId: IdSchema,
  topic: z.string(),
  unitId: z.string(),
  /** The version shown: the one in the asked status, else the latest. */
  version: z.number().int().positive(),
  status: AnswerStatusSchema,
  title: z.string(),
  summary: z.string(),
  authorName: z.string(),
  updatedAt: EpochMsSchema,
  /** Every version of the answer, newest first, so the list can say "v3 draft, v2 published". */
  versions: z.array(z.object({ version: z.number().int().positive(), status: AnswerStatusSchema })),
});
export type KnowledgeListItem = z.infer<typeof KnowledgeListItemSchema>;

export const KnowledgeListSchema = z.object({
  items: z.array(KnowledgeListItemSchema),
  /** Answers matching the filters, across all pages. */
  total: z.number().int().nonnegative(),
});
export type KnowledgeList = z.infer<typeof KnowledgeListSchema>;
