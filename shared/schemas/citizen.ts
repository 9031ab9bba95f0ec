import { z } from 'zod';
import { EpochMsSchema, IdSchema, SegmentCodeSchema } from './common';
import { PreviousContactSchema } from './contact';

/** Nomor Induk Kependudukan: 16 digits. */
export const NikSchema = z.string().regex(/^\d{16}$/, 'must be 16 digits');

/** Why personal data is looked at or changed; logged with who and when. */
export const AccessReasonSchema = z.string().trim().min(5, 'say why, in a few words').max(300);

export const CitizenAddressSchema = z.object({
  address: z.string(),
  kind: z.enum(['phone', 'email', 'handle']),
});

export const OpenFollowUpSchema = z.object({
  id: IdSchema,
  title: z.string(),
  dueAt: EpochMsSchema,
  ownerName: z.string(),
  contactReference: z.string(),
});

/** `GET /api/citizens/:id`: one citizen across every channel, with their history. */
export const CitizenProfileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  segment: SegmentCodeSchema,
  /** Staff confirmed the segment (an accredited journalist, a confirmed official). */
  isSegmentVerified: z.boolean(),
  organisation: z.string().nullable(),
  preferredLanguage: z.enum(['id', 'en']),
  /** They agreed to be contacted back. */
  mayContact: z.boolean(),
  addresses: z.array(CitizenAddressSchema),
  /** `************3456`; the full number only through `reveal-nik`, with a reason. */
  nikMasked: z.string().nullable(),
  /** Open follow-ups first, soonest due first. */
  openFollowUps: z.array(OpenFollowUpSchema),
  /** Every contact, newest first, across channels and merged profiles. */
  timeline: z.array(PreviousContactSchema),
});
export type CitizenProfile = z.infer<typeof CitizenProfileSchema>;

export const ProfileQuerySchema = z.object({
  /** Required of staff who do not hold a conversation with the citizen. */
  reason: AccessReasonSchema.optional(),
});

/** `PATCH /api/citizens/:id`: only the fields given change. */
export const UpdateCitizenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    organisation: z.string().trim().max(160).nullable(),
    segment: SegmentCodeSchema,
    isSegmentVerified: z.boolean(),
    preferredLanguage: z.enum(['id', 'en']),
    mayContact: z.boolean(),
    nik: NikSchema.nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateCitizenBody = z.infer<typeof UpdateCitizenBodySchema>;

export const RevealNikBodySchema = z.object({ reason: AccessReasonSchema });
export const RevealNikResultSchema = z.object({ nik: NikSchema.nullable() });

/** `POST /api/citizens/:id/merge`: the other profile turned out to be the same person. */
export const MergeCitizensBodySchema = z.object({
  otherCitizenId: IdSchema,
  reason: AccessReasonSchema,
});

export const ProfileAccessSchema = z.object({
  viewerName: z.string(),
  at: EpochMsSchema,
  action: z.enum(['profile', 'reveal_nik', 'update', 'merge']),
  reason: z.string(),
});
export const ProfileAccessLogSchema = z.object({ entries: z.array(ProfileAccessSchema) });

export function maskNik(nik: string | null): string | null {
  return nik === null ? null : `${'*'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
}
