import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { ContactSummarySchema } from './contact';

/**
 * Cold: the sender let go at once; warm: the sender keeps the conversation until the receiver
 * accepts, and gets it back if they decline.
 */
export const TransferModeSchema = z.enum(['cold', 'warm']);
export type TransferMode = z.infer<typeof TransferModeSchema>;

export const TransferInfoSchema = z.object({
  fromAgentId: IdSchema,
  fromName: z.string(),
  mode: TransferModeSchema,
  note: z.string().nullable(),
});
export type TransferInfo = z.infer<typeof TransferInfoSchema>;

/** A reservation: one contact held for one agent until `expiresAt`. */
export const OfferSchema = z.object({
  id: IdSchema,
  agentId: IdSchema,
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  contact: ContactSummarySchema,
  /** Set when an agent passed the contact on: who, how, and their note for the receiver. */
  transfer: TransferInfoSchema.nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferWithdrawnReasonSchema = z.enum(['expired', 'rejected', 'rescinded']);
export type OfferWithdrawnReason = z.infer<typeof OfferWithdrawnReasonSchema>;
