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
export type CitizenAddress = z.infer<typeof CitizenAddressSchema>;

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

/** `?reason=` of the profile read and change. */
export const ProfileQuerySchema = z.object({
  /** Required of staff who do not hold a conversation with the citizen. */
  reason: AccessReasonSchema.optional(),
});

/**
 * `GET /api/citizens?q=&reason=`: leads and administrators find a profile by name (beginnings
 * of its words), phone number, e-mail address, social handle (`@…`) or the whole 16-digit NIK.
 * Every profile shown is logged with the reason, as opening it would be.
 */
export const CitizenSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'at least 2 characters').max(120),
  reason: AccessReasonSchema,
});
export type CitizenSearchQuery = z.infer<typeof CitizenSearchQuerySchema>;

/** How the search read what was typed: one identifier, whole, or the words of a name. */
export const CitizenMatchSchema = z.enum(['name', 'phone', 'email', 'handle', 'nik']);
export type CitizenMatch = z.infer<typeof CitizenMatchSchema>;

export const CitizenSearchHitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  segment: SegmentCodeSchema,
  isSegmentVerified: z.boolean(),
  organisation: z.string().nullable(),
  /** Masked like the profile's; a search never answers the full number. */
  nikMasked: z.string().nullable(),
  addresses: z.array(CitizenAddressSchema),
  contactCount: z.number().int().nonnegative(),
  lastContactAt: EpochMsSchema.nullable(),
});
export type CitizenSearchHit = z.infer<typeof CitizenSearchHitSchema>;

export const CitizenSearchResultSchema = z.object({
  matchedOn: CitizenMatchSchema,
  /** By name, then id; merged-away profiles are not listed (their survivor is). */
  hits: z.array(CitizenSearchHitSchema),
  /** More profiles matched than are shown: type more of the name. */
  hasMore: z.boolean(),
});
export type CitizenSearchResult = z.infer<typeof CitizenSearchResultSchema>;

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

/**
 * `POST /api/citizens/:id/merge`: the other profile turned out to be the same person. `:id`
 * survives; the other's addresses and contacts move to it, and its NIK and organisation fill
 * the survivor's blanks (two different NIKs are two people: refused).
 */
export const MergeCitizensBodySchema = z.object({
  otherCitizenId: IdSchema,
  reason: AccessReasonSchema,
});

/**
 * What was done with a profile: `profile` opened, `search` shown among search results,
 * `caller_panel` shown beside a conversation (once per viewer and conversation), `reveal_nik`
 * the full ID number shown, `update` changed, `merge` merged with another.
 */
export const ProfileAccessActionSchema = z.enum([
  'profile',
  'search',
  'caller_panel',
  'reveal_nik',
  'update',
  'merge',
]);
export type ProfileAccessAction = z.infer<typeof ProfileAccessActionSchema>;

export const ProfileAccessSchema = z.object({
  viewerName: z.string(),
  at: EpochMsSchema,
  action: ProfileAccessActionSchema,
  reason: z.string(),
});
export type ProfileAccess = z.infer<typeof ProfileAccessSchema>;
export const ProfileAccessLogSchema = z.object({ entries: z.array(ProfileAccessSchema) });

export function maskNik(nik: string | null): string | null {
  return nik === null ? null : `${'*'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
}
