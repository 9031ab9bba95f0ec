import { useState, type ReactNode } from 'react';
import { fillTemplate } from '../../../../shared/domain/template';
import { useReferenceData } from '../../../lib/reference-data';
import { useLiveStore } from '../../../stores/live-store';
import { FillVariablesModal, type PendingFill } from '../components/fill-variables-modal';
import { conversationVariables } from '../template-variables';

/**
 * Inserting a text with variables (a canned response, a knowledge answer) into a conversation's
 * reply: what the desk knows is filled at once; for anything missing the agent is asked first.
 * Render `prompt` once where the hook is used.
 */
export function useTemplateInsertion(contactId: string | null): {
  insertTemplate: (title: string, template: string, insert: (text: string) => void) => void;
  prompt: ReactNode;
} {
  const [pending, setPending] = useState<PendingFill | null>(null);
  const reference = useReferenceData();

  const insertTemplate = (title: string, template: string, insert: (text: string) => void) => {
    const conversation = useLiveStore
      .getState()
      .desk.conversations.find((candidate) => candidate.contact.id === contactId);
    const topic = conversation?.contact.topic;
    const topicLabel =
      reference.data?.topics.find((candidate) => candidate.code === topic)?.labelId ?? topic;
    const known =
      conversation === undefined
        ? {}
        : conversationVariables(conversation, topicLabel ?? '', Date.now());
    const filled = fillTemplate(template, known);
    if (filled.missing.length === 0) insert(filled.text);
    else setPending({ title, template, known, missing: filled.missing, insert });
  };

  return {
    insertTemplate,
    prompt: <FillVariablesModal pending={pending} onClose={() => setPending(null)} />,
  };
}
