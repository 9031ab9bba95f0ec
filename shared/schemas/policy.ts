import { z } from 'zod';
import { NOT_SHARED_REASONS, SHARE_METHODS } from '../domain/campaigns';
import { QUESTION_TAGS, UNDERSTANDING_LEVELS } from '../domain/policy-report';
import { ChannelSchema, EpochMsSchema, IdSchema, SegmentCodeSchema } from './common';

export const PolicyStatusSchema = z.enum(['draft', 'published', 'retired']);
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;
export const UnderstandingSchema = z.enum(UNDERSTANDING_LEVELS);
export const QuestionTagSchema = z.enum(QUESTION_TAGS);

/** What an administrator writes for a policy in the catalog. */
export const PolicyBodySchema = z.object({
  title: z.string().trim().min(3, 'at least 3 characters').max(200),
  /** The policy in plain words, as an agent would say it to anyone. */
  plainSummary: z.string().trim().min(10, 'at least 10 characters').max(1000),
  effectiveFrom: EpochMsSchema,
  /** The owning unit (`units.id`), answerable for the policy and reading its reports. */
  unitId: z.string().trim().min(1, 'is required').max(64),
  /** Knowledge answers that explain it (`knowledge_answers.id`). */
  answerIds: z.array(IdSchema).max(20).default([]),
  /** Scripts that walk through it (`scripts.id`). */
  scriptIds: z.array(IdSchema).max(10).default([]),
  /** For the owners; never shown outside the console. */
  internalNote: z.string().trim().max(2000).nullable().default(null),
});
export type PolicyBody = z.output<typeof PolicyBodySchema>;

export const PolicySchema = z.object({
  id: IdSchema,
  title: z.string(),
  plainSummary: z.string(),
  effectiveFrom: EpochMsSchema,
  unitId: z.string(),
  unitName: z.string(),
  status: PolicyStatusSchema,
  publishedAt: EpochMsSchema.nullable(),
  answers: z.array(z.object({ answerId: IdSchema, title: z.string() })),
  scripts: z.array(z.object({ scriptId: IdSchema, title: z.string() })),
  internalNote: z.string().nullable(),
  updatedAt: EpochMsSchema,
});
export type Policy = z.infer<typeof PolicySchema>;

export const PolicyListSchema = z.object({ policies: z.array(PolicySchema) });
export type PolicyList = z.infer<typeof PolicyListSchema>;

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'each value once');

/** A campaign: publish a policy proactively to these segments, topics and channels, for a time. */
export const CampaignBodySchema = z
  .object({
    policyId: IdSchema,
    /** What the agent appends to a text reply, or says, in the citizen's language. */
    message: z.string().trim().min(10, 'at least 10 characters').max(1000),
    /** Empty: every segment (likewise topics, channels). */
    segments: uniqueList(SegmentCodeSchema, 5).default([]),
    topics: uniqueList(z.string().trim().min(1).max(64), 20).default([]),
    channels: uniqueList(ChannelSchema, 6).default([]),
    startsAt: EpochMsSchema,
    endsAt: EpochMsSchema.nullable().default(null),
  })
  .refine((c) => c.endsAt === null || c.endsAt > c.startsAt, {
    message: 'must be after startsAt',
    path: ['endsAt'],
  });
export type CampaignBody = z.output<typeof CampaignBodySchema>;

export const CampaignSchema = z.object({
  id: IdSchema,
  policyId: IdSchema,
  policyTitle: z.string(),
  message: z.string(),
  segments: z.array(SegmentCodeSchema),
  topics: z.array(z.string()),
  channels: z.array(ChannelSchema),
  startsAt: EpochMsSchema,
  endsAt: EpochMsSchema.nullable(),
  stoppedAt: EpochMsSchema.nullable(),
  createdByName: z.string(),
  createdAt: EpochMsSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) });
export type CampaignList = z.infer<typeof CampaignListSchema>;

/** Shared (told on a call or appended to a reply), or not with a reason (`other` needs a note). */
export const ShareMarkSchema = z
  .discriminatedUnion('isShared', [
    z.object({ isShared: z.literal(true), method: z.enum(SHARE_METHODS) }),
    z.object({
      isShared: z.literal(false),
      reason: z.enum(NOT_SHARED_REASONS),
      note: z.string().trim().max(300).nullable().default(null),
    }),
  ])
  .refine((m) => m.isShared || m.reason !== 'other' || (m.note ?? '') !== '', {
    message: 'say why in a note',
    path: ['note'],
  });
export type ShareMarkInput = z.output<typeof ShareMarkSchema>;

/** A policy the desk prompts in one conversation, with the agent's mark if any. */
export const PolicyPromptSchema = z.object({
  contactId: IdSchema,
  campaignId: IdSchema,
  policyId: IdSchema,
  title: z.string(),
  plainSummary: z.string(),
  message: z.string(),
  effectiveFrom: EpochMsSchema,
  mark: z
    .discriminatedUnion('isShared', [
      z.object({ isShared: z.literal(true), method: z.enum(SHARE_METHODS), at: EpochMsSchema }),
      z.object({
        isShared: z.literal(false),
        reason: z.enum(NOT_SHARED_REASONS),
        note: z.string().nullable(),
        at: EpochMsSchema,
      }),
    ])
    .nullable(),
});
export type PolicyPrompt = z.infer<typeof PolicyPromptSchema>;

/** `GET /api/contacts/:contactId/policy-prompts`: for the agent holding the conversation. */
export const PolicyPromptListSchema = z.object({ prompts: z.array(PolicyPromptSchema) });
export type PolicyPromptList = z.infer<typeof PolicyPromptListSchema>;

/** The most policies one wrap-up records feedback on. */
export const MAX_POLICY_FEEDBACK = 10;

/** At wrap-up, per policy discussed or shared: how well the citizen understood it. */
export const PolicyFeedbackInputSchema = z.object({
  policyId: IdSchema,
  understanding: UnderstandingSchema,
  /** The citizen's question in their words; numbers and addresses are masked before storing. */
  question: z.string().trim().max(500).optional(),
  /** What the question is about; suggested from its words when absent. */
  tag: QuestionTagSchema.optional(),
});
export type PolicyFeedbackInput = z.infer<typeof PolicyFeedbackInputSchema>;

export const PolicyFeedbackListSchema = z
  .array(PolicyFeedbackInputSchema)
  .max(MAX_POLICY_FEEDBACK, `at most ${MAX_POLICY_FEEDBACK} policies`)
  .refine((list) => new Set(list.map((f) => f.policyId)).size === list.length, {
    message: 'each policy once',
  });

const UnderstandingCountsSchema = z.object({
  understood: z.number().int().nonnegative(),
  partly: z.number().int().nonnegative(),
  confused: z.number().int().nonnegative(),
  disagrees: z.number().int().nonnegative(),
});

export const SliceFiguresSchema = z.object({
  contacts: z.number().int().nonnegative(),
  shared: z.number().int().nonnegative(),
  notShared: z.number().int().nonnegative(),
  feedback: z.number().int().nonnegative(),
  understanding: UnderstandingCountsSchema,
  /** 0..1; null without feedback. */
  understoodRate: z.number().min(0).max(1).nullable(),
});
export type SliceFiguresView = z.infer<typeof SliceFiguresSchema>;

export const PeriodUnitSchema = z.enum(['day', 'week']);

export const PolicyReportQuerySchema = z
  .object({
    /** Inclusive; default 28 days before `to`. */
    from: z.coerce.number().int().nonnegative().optional(),
    /** Exclusive; default now. */
    to: z.coerce.number().int().nonnegative().optional(),
    unit: PeriodUnitSchema.default('day'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, {
    message: 'must be after from',
    path: ['to'],
  });
export type PolicyReportQuery = z.output<typeof PolicyReportQuerySchema>;

export const PolicyReportSchema = z.object({
  policy: PolicySchema,
  from: EpochMsSchema,
  to: EpochMsSchema,
  unit: PeriodUnitSchema,
  timeZone: z.string(),
  totals: SliceFiguresSchema,
  periods: z.array(SliceFiguresSchema.extend({ period: z.string() })),
  bySegment: z.array(SliceFiguresSchema.extend({ segment: SegmentCodeSchema })),
  byChannel: z.array(SliceFiguresSchema.extend({ channel: ChannelSchema })),
  questionTags: z.array(z.object({ tag: QuestionTagSchema, count: z.number().int() })),
  questionGroups: z.array(
    z.object({
      text: z.string(),
      count: z.number().int().positive(),
      tag: QuestionTagSchema,
      firstAskedAt: EpochMsSchema,
      lastAskedAt: EpochMsSchema,
    }),
  ),
  publicQuestions: z.array(z.object({ id: IdSchema, text: z.string() })),
});
export type PolicyReport = z.infer<typeof PolicyReportSchema>;

/** An editor approves a question (their own wording) for the public FAQ. */
export const PublicQuestionBodySchema = z.object({
  text: z.string().trim().min(5, 'at least 5 characters').max(300),
});

export const PolicyDigestSummarySchema = z.object({
  id: IdSchema,
  unitId: z.string(),
  unitName: z.string(),
  /** The Monday of the week covered. */
  weekStart: z.string(),
  generatedAt: EpochMsSchema,
  policies: z.array(
    z.object({
      policyId: IdSchema,
      title: z.string(),
      totals: SliceFiguresSchema,
      topQuestions: z.array(z.object({ text: z.string(), count: z.number().int() })),
    }),
  ),
});
export type PolicyDigestSummary = z.infer<typeof PolicyDigestSummarySchema>;

export const PolicyDigestListSchema = z.object({ digests: z.array(PolicyDigestSummarySchema) });
export type PolicyDigestList = z.infer<typeof PolicyDigestListSchema>;
