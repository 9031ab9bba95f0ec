import { z } from 'zod';
import { NOTICE_KINDS } from '../domain/publications';
import { EpochMsSchema, IdSchema } from './common';

export const NoticeKindSchema = z.enum(NOTICE_KINDS);

/**
 * What was published, announced to everyone online at once: an answer or a script, its version,
 * and a line saying what changed (the publisher's note, when they wrote one).
 */
export const PublicationNoticeSchema = z.object({
  id: IdSchema,
  kind: NoticeKindSchema,
  /** The answer's or script's id. */
  itemId: IdSchema,
  version: z.number().int().positive(),
  title: z.string(),
  topic: z.string(),
  whatChanged: z.string().nullable(),
  publishedAt: EpochMsSchema,
  publishedByName: z.string(),
  /** Stays on every agent's desk until they acknowledge it. */
  mustRead: z.boolean(),
  /** Counts changes to the notice (must-read set or cleared); a client keeps the highest. */
  revision: z.number().int().nonnegative(),
});
export type PublicationNotice = z.infer<typeof PublicationNoticeSchema>;

/** A notice as one agent sees it: with the moment they acknowledged it, if they have. */
export const MyNoticeSchema = PublicationNoticeSchema.extend({
  acknowledgedAt: EpochMsSchema.nullable(),
});
export type MyNotice = z.infer<typeof MyNoticeSchema>;

/**
 * `GET /api/notices/mine` (agents): every must-read notice not yet acknowledged, and the others of
 * the last twelve hours; newest first.
 */
export const MyNoticesSchema = z.object({ notices: z.array(MyNoticeSchema) });
export type MyNotices = z.infer<typeof MyNoticesSchema>;

export const ReaderSchema = z.object({
  agentId: IdSchema,
  displayName: z.string(),
  /** Null: not acknowledged yet. */
  acknowledgedAt: EpochMsSchema.nullable(),
});

/** A notice with the agents the viewer answers for, those who acknowledged it first. */
export const NoticeReadershipSchema = PublicationNoticeSchema.extend({
  readers: z.array(ReaderSchema),
});
export type NoticeReadership = z.infer<typeof NoticeReadershipSchema>;

/** `GET /api/notices/readership` (leads, administrators): the latest notices, newest first. */
export const ReadershipListSchema = z.object({ notices: z.array(NoticeReadershipSchema) });
export type ReadershipList = z.infer<typeof ReadershipListSchema>;

/** `PUT /api/notices/:id/must-read` (administrators). */
export const MustReadBodySchema = z.object({ mustRead: z.boolean() });
export type MustReadBody = z.infer<typeof MustReadBodySchema>;

/** An agent acknowledged a notice; to that agent's other tabs and the leads who answer for them. */
export const NoticeAcknowledgedSchema = z.object({
  noticeId: IdSchema,
  agentId: IdSchema,
  agentName: z.string(),
  acknowledgedAt: EpochMsSchema,
});
export type NoticeAcknowledged = z.infer<typeof NoticeAcknowledgedSchema>;
