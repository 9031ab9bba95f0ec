import { Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { templateVariables } from '../../../../shared/domain/template';
import {
  CannedResponseBodySchema,
  type CannedResponse,
} from '../../../../shared/schemas/canned-response';
import { FormActions } from '../../../components/form-actions';
import { isAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { useReferenceData } from '../../../lib/reference-data';
import { useSaveCannedResponse } from '../api/canned-response-admin-queries';

type Field = 'code' | 'title' | 'text' | 'topic';

/** Field errors from the shared schema or the server's 400/409, by field name. */
function fieldErrors(fields: readonly { path: string; message: string }[]) {
  const errors: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const name = field.path.replace(/^body\./, '') as Field;
    errors[name] ??= field.message;
  }
  return errors;
}

function CannedResponseFormBody({
  editing,
  onClose,
}: {
  editing: CannedResponse | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const reference = useReferenceData();
  const save = useSaveCannedResponse();
  const [form, setForm] = useState({
    code: editing?.code ?? '',
    title: editing?.title ?? '',
    text: editing?.text ?? '',
    topic: editing?.topic ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const update = (change: Partial<typeof form>) =>
    setForm((current) => ({ ...current, ...change }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CannedResponseBodySchema.safeParse({
      ...form,
      topic: form.topic === '' ? null : form.topic,
    });
    if (!parsed.success) {
      setErrors(
        fieldErrors(
          parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(
      { id: editing?.id ?? null, body: parsed.data },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('replyTools.manage.saved', { code: saved.code }),
          });
          onClose();
        },
        onError: (error) => {
          if (isAppError(error) && error.fields !== undefined) {
            setErrors(fieldErrors(error.fields));
          }
        },
      },
    );
  };

  const variables = templateVariables(form.text);
  const isEnglish = i18n.language === 'en';
  return (
    <form onSubmit={submit} noValidate data-testid="canned-form">
      <Stack gap="sm">
        <TextInput
          label={t('replyTools.manage.code')}
          description={t('replyTools.manage.codeHint')}
          required
          leftSection={
            <Text span c="dimmed" ff="monospace" aria-hidden>
              /
            </Text>
          }
          value={form.code}
          onChange={(event) => update({ code: event.currentTarget.value })}
          error={errors.code}
          data-autofocus
          data-testid="canned-form-code"
        />
        <TextInput
          label={t('replyTools.manage.titleLabel')}
          required
          value={form.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          error={errors.title}
          data-testid="canned-form-title"
        />
        <Textarea
          label={t('replyTools.manage.text')}
          required
          autosize
          minRows={3}
          maxRows={8}
          value={form.text}
          onChange={(event) => update({ text: event.currentTarget.value })}
          error={errors.text}
          description={
            variables.length > 0
              ? `${t('replyTools.manage.variables')}: ${variables.map((v) => `{${v}}`).join(', ')}`
              : undefined
          }
          data-testid="canned-form-text"
        />
        <NativeSelect
          label={t('replyTools.manage.topic')}
          value={form.topic}
          onChange={(event) => update({ topic: event.currentTarget.value })}
          error={errors.topic}
          data={[
            { value: '', label: t('replyTools.manage.anyTopic') },
            ...(reference.data?.topics ?? []).map((topic) => ({
              value: topic.code,
              label: isEnglish ? topic.labelEn : topic.labelId,
            })),
          ]}
          data-testid="canned-form-topic"
        />
        <FormActions
          failure={save.error === null ? null : errorText(save.error, t)}
          submitLabel={t('replyTools.manage.save')}
          isPending={save.isPending}
          onCancel={onClose}
          submitTestId="canned-form-save"
        />
      </Stack>
    </form>
  );
}

/** Writing a new canned response (`editing` null) or changing one, in a modal. */
export function CannedResponseForm({
  opened,
  editing,
  onClose,
}: {
  opened: boolean;
  editing: CannedResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        editing === null
          ? t('replyTools.manage.createTitle')
          : t('replyTools.manage.editTitle', { code: editing.code })
      }
    >
      {opened && (
        <CannedResponseFormBody key={editing?.id ?? 'new'} editing={editing} onClose={onClose} />
      )}
    </Modal>
  );
}
