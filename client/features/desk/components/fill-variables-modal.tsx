import { Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fillTemplate, type KnownTemplateVariable } from '../../../../shared/domain/template';
import { VARIABLE_LABEL_KEYS, variableLabel } from '../template-variables';

/** A text about to be inserted whose variables the desk could not all fill. */
export interface PendingFill {
  title: string;
  /** The text as written, with its variables. */
  template: string;
  /** What the desk knows already. */
  known: Readonly<Record<string, string | null>>;
  /** The variables still without a value, in order of appearance. */
  missing: string[];
  insert: (text: string) => void;
}

/**
 * Asks the agent for each value the desk does not know (one field per variable), shows the
 * result, and inserts it only once every field is filled, unless the agent chooses to insert the
 * text with its gaps.
 */
export function FillVariablesModal({
  pending,
  onClose,
}: {
  pending: PendingFill | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={pending !== null}
      onClose={onClose}
      title={pending === null ? '' : t('replyTools.fill.title', { title: pending.title })}
      size="md"
      returnFocus={false}
      data-testid="fill-variables"
    >
      {pending !== null && (
        <FillVariablesForm key={pending.template} pending={pending} onClose={onClose} />
      )}
    </Modal>
  );
}

function FillVariablesForm({ pending, onClose }: { pending: PendingFill; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(pending.missing.map((name) => [name, ''])),
  );
  const [hasTriedInsert, setHasTriedInsert] = useState(false);
  const result = fillTemplate(pending.template, { ...pending.known, ...values });

  const insert = (text: string) => {
    onClose();
    pending.insert(text);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setHasTriedInsert(true);
    if (result.missing.length === 0) insert(result.text);
  };

  const labelOf = (name: string) =>
    name in VARIABLE_LABEL_KEYS
      ? t(`replyTools.variables.${VARIABLE_LABEL_KEYS[name as KnownTemplateVariable]}`)
      : variableLabel(name);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('replyTools.fill.intro')}</Text>
        {pending.missing.map((name, index) => (
          <TextInput
            key={name}
            label={labelOf(name)}
            description={`{${name}}`}
            required
            data-autofocus={index === 0 ? true : undefined}
            value={values[name] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((previous) => ({ ...previous, [name]: value }));
            }}
            error={
              hasTriedInsert && (values[name] ?? '').trim() === ''
                ? t('replyTools.fill.required')
                : undefined
            }
            data-testid={`fill-variable-${name}`}
          />
        ))}
        <div>
          <Text size="xs" c="dimmed" mb={2}>
            {t('replyTools.fill.preview')}
          </Text>
          <Paper withBorder p="xs" radius="sm" bg="gray.0">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="fill-preview">
              {result.text}
            </Text>
          </Paper>
        </div>
        <Group justify="space-between" mt={4}>
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => insert(result.text)}
            data-testid="fill-insert-anyway"
          >
            {t('replyTools.fill.insertAnyway')}
          </Button>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" data-testid="fill-insert">
              {t('replyTools.fill.insert')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
