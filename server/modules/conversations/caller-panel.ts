import type { Kysely } from 'kysely';
import type { Fact } from '../../../shared/protocol/events';
import type { ConversationDetail } from '../../../shared/schemas/contact';
import { rooms } from '../../realtime/rooms';
import type { Publisher } from '../../realtime/publisher';
import type { Database } from '../../store/schema';
import { recordCallerPanelViews } from '../citizens/repository';
import { loadConversationDetails } from './repository';

/**
 * The caller panel beside a conversation is a view of the citizen's profile (UU 27/2022):
 * the agent serving the conversation sees it whole, and so does a lead or administrator who
 * opens that one conversation; each such look is logged once per viewer, conversation and
 * citizen. Those only watching (a trainer, or anyone monitoring an agent's desk) get the panel
 * withheld: the name and segment the conversation itself shows, not the address, organisation,
 * NIK or history (docs/caller-context.md).
 */
export type CallerPanelPurpose = 'serving' | 'supervising';

/**
 * Conversations with their caller panels for one viewer, read and logged in one transaction:
 * no panel leaves without its log entry, and a panel already logged for this viewer and
 * conversation (a reload, a reconnect, a second tab) adds nothing.
 */
export async function loadConversationDetailsSeenBy(
  db: Kysely<Database>,
  viewing: {
    viewerId: string;
    contactIds: readonly string[];
    purpose: CallerPanelPurpose;
    at: number;
  },
): Promise<ConversationDetail[]> {
  if (viewing.contactIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const details = await loadConversationDetails(trx, viewing.contactIds);
    await recordCallerPanelViews(
      trx,
      details.map((detail) => ({
        citizenId: detail.caller.citizenId,
        contactId: detail.contact.id,
        viewerId: viewing.viewerId,
        at: viewing.at,
        reason: `${viewing.purpose} ${detail.contact.reference}`,
      })),
    );
    return details;
  });
}

/** The conversation as someone watching it sees it: the caller's profile left out. */
export function withholdCallerProfile(detail: ConversationDetail): ConversationDetail {
  return {
    ...detail,
    caller: {
      citizenId: detail.caller.citizenId,
      name: detail.caller.name,
      segment: detail.caller.segment,
      isSegmentVerified: detail.caller.isSegmentVerified,
      address: null,
      organisation: null,
      nikMasked: null,
      previousContacts: [],
      isProfileWithheld: true,
    },
  };
}

/**
 * `conversation:assigned` after the caller panel was logged for the new holder: the whole
 * panel to the holder's own screens, the withheld one to those monitoring them.
 */
export function publishConversationAssigned(
  publisher: Publisher,
  fact: Fact<'conversation:assigned'>,
): void {
  publisher.publish(rooms.user(fact.agentId), 'conversation:assigned', fact);
  publisher.publish(rooms.monitor(fact.agentId), 'conversation:assigned', {
    ...fact,
    conversation: withholdCallerProfile(fact.conversation),
  });
}
