/**
 * The values the desk knows for template variables, from the conversation in hand. Replies go to
 * citizens, so the date and the topic are written in Bahasa Indonesia whatever the UI language.
 */
import type { KnownTemplateVariable } from '../../../shared/domain/template';
import type { ConversationDetail } from '../../../shared/schemas/contact';
import type { Translation } from '../../i18n/id';

const CITIZEN_DATE = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export function conversationVariables(
  conversation: ConversationDetail,
  topicLabel: string,
  now: number,
): Record<KnownTemplateVariable, string | null> {
  return {
    'caller.name': conversation.caller.name,
    'caller.organisation': conversation.caller.organisation,
    reference: conversation.contact.reference,
    'agent.name': conversation.contact.assignedAgentName,
    topik: topicLabel,
    tanggal: CITIZEN_DATE.format(now),
  };
}

/** The label of a known variable, under `replyTools.variables`, for the prompt. */
export const VARIABLE_LABEL_KEYS: Record<
  KnownTemplateVariable,
  keyof Translation['replyTools']['variables']
> = {
  'caller.name': 'callerName',
  'caller.organisation': 'callerOrganisation',
  reference: 'reference',
  'agent.name': 'agentName',
  topik: 'topik',
  tanggal: 'tanggal',
};

/** `tanggal.kunjungan` → `Tanggal kunjungan`: a label for a variable only the agent knows. */
export function variableLabel(name: string): string {
  const words = name.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
