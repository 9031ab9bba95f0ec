/**
 * Writing and moving answers. Each answers the whole answer as it now stands, which replaces the
 * cached one at once; the list is read again because the change may move the answer in it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KnowledgeAction } from '../../../../shared/domain/knowledge';
import { endpoints } from '../../../../shared/protocol/http';
import type {
  AnswerDetail,
  CreateAnswerBody,
  VersionBody,
} from '../../../../shared/schemas/knowledge';
import { apiRequest } from '../../../lib/api-client';
import { authoringKeys } from './authoring-queries';

function useRememberAnswer() {
  const queryClient = useQueryClient();
  return (detail: AnswerDetail) => {
    queryClient.setQueryData(authoringKeys.answer(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: authoringKeys.lists() });
  };
}

export function useCreateAnswer() {
  const remember = useRememberAnswer();
  return useMutation({
    mutationFn: (body: CreateAnswerBody) => apiRequest(endpoints.createKnowledgeAnswer, { body }),
    onSuccess: remember,
  });
}

/** A new draft version of an answer that has none open. */
export function useStartVersion(answerId: string) {
  const remember = useRememberAnswer();
  return useMutation({
    mutationFn: (body: VersionBody) =>
      apiRequest(endpoints.createKnowledgeVersion, { params: { id: answerId }, body }),
    onSuccess: remember,
  });
}

export function useSaveDraft(answerId: string) {
  const remember = useRememberAnswer();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: VersionBody }) =>
      apiRequest(endpoints.editKnowledgeDraft, {
        params: { id: answerId, version: String(version) },
        body,
      }),
    onSuccess: remember,
  });
}

export type WorkflowAction = Exclude<KnowledgeAction, 'edit'>;

const ENDPOINTS = {
  submit: endpoints.submitKnowledgeVersion,
  send_back: endpoints.sendBackKnowledgeVersion,
  publish: endpoints.publishKnowledgeVersion,
  retire: endpoints.retireKnowledgeVersion,
} as const;

export interface TransitionInput {
  action: WorkflowAction;
  version: number;
  note?: string;
  /** Publish only; administrators. */
  mustRead?: boolean;
}

export function useTransition(answerId: string) {
  const remember = useRememberAnswer();
  return useMutation({
    mutationFn: ({ action, version, note, mustRead }: TransitionInput) => {
      const params = { id: answerId, version: String(version) };
      const trimmed = note?.trim() ? note.trim() : undefined;
      if (action === 'publish') {
        return apiRequest(ENDPOINTS.publish, {
          params,
          body: { note: trimmed, ...(mustRead ? { mustRead: true } : {}) },
        });
      }
      return apiRequest(ENDPOINTS[action], { params, body: { note: trimmed } });
    },
    onSuccess: remember,
  });
}
