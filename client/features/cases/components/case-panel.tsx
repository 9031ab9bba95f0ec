import { Alert, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/schemas/user';
import { CaseFields } from '../../../components/case-fields';
import { FormActions } from '../../../components/form-actions';
import { emptyCaseForm, toCaseDraft, type CaseFormErrors } from '../../../lib/case-form';
import { errorText } from '../../../lib/error-text';
import { useCaseCommand } from '../api/case-commands';
import { useCaseDetail, useContactCases } from '../api/case-queries';
import { CaseCard } from './case-card';

/** A case by id, loaded and shown as a card. */
export function CaseDetailView({ caseId, user }: { caseId: string; user: User }) {
  const { t } = useTranslation();
  const detail = useCaseDetail(caseId);
  if (detail.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (detail.isError) {
    return (
      <Alert color="red">{t('cases.loadFailed', { message: errorText(detail.error, t) })}</Alert>
    );
  }
  return <CaseCard detail={detail.data} user={user} />;
}

/**
 * The cases of the contact in hand (right pane): each with its reference and clocks, and a form
 * to open one during the call, so the reference is read out before the citizen hangs up.
 */
export function CasePanel({
  contactId,
  callerName,
  user,
}: {
  contactId: string;
  callerName: string;
  user: User;
}) {
  const { t } = useTranslation();
  const cases = useContactCases(contactId);
  const create = useCaseCommand('case:create');
  const [isCreating, setCreating] = useState(false);
  const [form, setForm] = useState(() => emptyCaseForm(callerName));
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  // The case just opened shows at once, before the list is read again.
  const caseIds = [
    ...new Set([
      ...(cases.data?.cases ?? []).map((summary) => summary.id),
      ...(create.data ? [create.data.case.id] : []),
    ]),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = toCaseDraft(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(
      { ...result.draft, commandId, contactId },
      {
        onSuccess: () => {
          setCreating(false);
          setForm(emptyCaseForm(callerName));
          setCommandId(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <section aria-labelledby="case-panel-title" data-testid="case-panel">
      <Text fw={650} size="sm" component="h2" m={0} mb={6} c="dimmed" id="case-panel-title">
        {t('cases.panelTitle')}
      </Text>
      <Stack gap="xs">
        {cases.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {cases.isError && (
          <Alert color="red">{t('cases.loadFailed', { message: errorText(cases.error, t) })}</Alert>
        )}
        {caseIds.length === 0 && !isCreating && (
          <Text size="sm" c="dimmed">
            {t('cases.none')}
          </Text>
        )}
        {caseIds.map((caseId) => (
          <CaseDetailView key={caseId} caseId={caseId} user={user} />
        ))}
        {create.data !== undefined && (
          <Alert color="teal" role="status" data-testid="case-created">
            {t('cases.created', { reference: create.data.case.reference })} {t('cases.tellCitizen')}
          </Alert>
        )}
        {isCreating ? (
          <Paper withBorder p="xs" radius="sm" component="form" onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Text size="sm" fw={650}>
                {t('cases.createTitle')}
              </Text>
              <CaseFields
                value={form}
                errors={errors}
                onChange={(change) => setForm({ ...form, ...change })}
                testIdPrefix="case-new"
              />
              <FormActions
                failure={
                  create.error ? t('cases.failed', { message: errorText(create.error, t) }) : null
                }
                submitLabel={t('cases.createSubmit')}
                isPending={create.isPending}
                onCancel={() => setCreating(false)}
                submitTestId="case-new-submit"
              />
            </Stack>
          </Paper>
        ) : (
          <Button
            size="xs"
            variant="light"
            onClick={() => setCreating(true)}
            data-testid="case-new"
          >
            {t('cases.create')}
          </Button>
        )}
      </Stack>
    </section>
  );
}
