/**
 * Saving and archiving evaluation forms (docs/training.md, "Evaluation forms"). The list is the
 * coaching query the evaluation panel reads, so a saved form shows there at once; other tabs hear
 * of it through `evaluation-form:changed`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { EvaluationForm, EvaluationFormBody } from '../../../../shared/schemas/evaluation';
import { apiRequest } from '../../../lib/api-client';
import { coachingKeys } from '../../coaching/api/coaching-queries';

function withForm(list: EvaluationForm[] | undefined, form: EvaluationForm): EvaluationForm[] {
  const others = (list ?? []).filter((held) => held.id !== form.id);
  return [...others, form].sort(
    (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

export function useSaveEvaluationForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EvaluationFormBody }) =>
      apiRequest(endpoints.replaceEvaluationForm, { params: { id }, body }),
    onSuccess: (form) =>
      queryClient.setQueryData(coachingKeys.forms(), (list: EvaluationForm[] | undefined) =>
        withForm(list, form),
      ),
  });
}

export function useArchiveEvaluationForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isArchived }: { id: string; isArchived: boolean }) =>
      apiRequest(endpoints.archiveEvaluationForm, { params: { id }, body: { isArchived } }),
    onSuccess: (form) =>
      queryClient.setQueryData(coachingKeys.forms(), (list: EvaluationForm[] | undefined) =>
        withForm(list, form),
      ),
  });
}
