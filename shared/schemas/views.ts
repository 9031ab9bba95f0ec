import { z } from 'zod';
import { AgentViewSchema } from './agent';
import { ContactSummarySchema, ConversationDetailSchema } from './contact';
import { OfferSchema } from './offer';
import { OutcomeRecordSchema } from './outcome';

/** `GET /api/desk`: the signed-in agent's own work, to render after load or reconnect. */
export const DeskSnapshotSchema = z.object({
  agent: AgentViewSchema,
  offers: z.array(OfferSchema),
  /** Every conversation the agent holds, in the order they took them. */
  conversations: z.array(ConversationDetailSchema),
  recentOutcomes: z.array(OutcomeRecordSchema),
});
export type DeskSnapshot = z.infer<typeof DeskSnapshotSchema>;

/** `GET /api/supervision/board`: what a lead watches. */
export const SupervisionBoardSchema = z.object({
  agents: z.array(AgentViewSchema),
  /** Contacts not yet closed: waiting, offered and active. */
  conversations: z.array(ContactSummarySchema),
  recentOutcomes: z.array(OutcomeRecordSchema),
});
export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

/** What a trainer sees of one agent while following them. */
export const MonitorSnapshotSchema = z.object({
  agent: AgentViewSchema,
  conversations: z.array(ConversationDetailSchema),
  recentOutcomes: z.array(OutcomeRecordSchema),
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;
