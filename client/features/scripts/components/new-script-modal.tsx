import { Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../shared/schemas/reference-data';
import type { ScriptVersionView } from '../../../../shared/schemas/script';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useCreateScript } from '../api/script-queries';

/** A script for a topic that has none: a first draft with an opening step to build on. */
export function NewScriptModal({
  opened,
  topics,
  onClose,
  onCreated,
}: {
  opened: boolean;
  /** Topics without a script. */
  topics: readonly Topic[];
  onClose: () => void;
  onCreated: (view: ScriptVersionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useCreateScript();
  const [topic, setTopic] = useState('');
  const [title, setTitle] = useState('');
  const chosen = topics.some((tp) => tp.code === topic) ? topic : (topics[0]?.code ?? '');

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (chosen === '' || title.trim().length < 3) return;
    create.mutate(
      {
        topic: chosen,
        title,
        definition: {
          startStepId: 'salam',
          steps: [
            {
              id: 'salam',
              title: t('scripts.starterTitle'),
              text: t('scripts.starterText'),
              next: null,
            },
          ],
        },
      },
      {
        onSuccess: (view) => {
          setTitle('');
          onCreated(view);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('scripts.newScriptTitle')}>
      {topics.length === 0 ? (
        <Text size="sm">{t('scripts.newScriptNoTopic')}</Text>
      ) : (
        <form onSubmit={submit} noValidate data-testid="new-script-form">
          <Stack gap="sm">
            <NativeSelect
              label={t('scripts.newScriptTopic')}
              value={chosen}
              data={topics.map((tp) => ({
                value: tp.code,
                label: i18n.language === 'en' ? tp.labelEn : tp.labelId,
              }))}
              onChange={(e) => setTopic(e.currentTarget.value)}
              data-testid="new-script-topic"
            />
            <TextInput
              label={t('scripts.newScriptName')}
              value={title}
              minLength={3}
              maxLength={120}
              required
              onChange={(e) => setTitle(e.currentTarget.value)}
              data-autofocus
              data-testid="new-script-title"
            />
            <FormActions
              failure={
                create.error === null
                  ? null
                  : t('scripts.newScriptFailed', { message: errorText(create.error, t) })
              }
              submitLabel={t('scripts.newScriptCreate')}
              isPending={create.isPending}
              onCancel={onClose}
              submitTestId="new-script-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
