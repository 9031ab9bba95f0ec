import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { ContactSummarySchema } from './contact';

/** A reservation: one contact held for one agent until `expiresAt`. */
export const OfferSchema = z.object({
  id: IdSchema,
  agentId: IdSchema,
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  contact: ContactSummarySchema,
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferWithdrawnReasonSchema = z.enum(['expired', 'rejected', 'rescinded']);
export type OfferWithdrawnReason = z.infer<typeof OfferWithdrawnReasonSchema>;
