import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReasonSchema } from '../../../../shared/schemas/citizen';

/**
 * The reason for looking at citizens' data, asked before the first search and shown above it
 * after: every search and profile read carries it into the access log.
 */
export function ReasonBar({
  reason,
  onChange,
}: {
  reason: string;
  onChange: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(reason === '');
  const [draft, setDraft] = useState(reason);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = AccessReasonSchema.safeParse(draft);
    if (!parsed.success) {
      setError(t('citizens.reason.required'));
      return;
    }
    setError(null);
    onChange(parsed.data);
    setEditing(false);
  };

  if (!isEditing) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="access-reason">
        <Text size="sm" c="dimmed">
          {t('citizens.reason.current')}:
        </Text>
        <Text
          size="sm"
          fw={600}
          style={{ flex: 1, minWidth: 0 }}
          truncate
          data-testid="access-reason-value"
        >
          {reason}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            setDraft(reason);
            setEditing(true);
          }}
          data-testid="access-reason-change"
        >
          {t('citizens.reason.change')}
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="access-reason-form">
      <TextInput
        label={t('citizens.reason.label')}
        description={t('citizens.reason.hint')}
        placeholder={t('citizens.reason.placeholder')}
        required
        maxLength={300}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        error={error}
        data-testid="access-reason-input"
        autoFocus
      />
      <Group gap="xs" mt="xs">
        <Button size="xs" type="submit" data-testid="access-reason-save">
          {t('citizens.reason.save')}
        </Button>
        {reason !== '' && (
          <Button size="xs" variant="default" onClick={() => setEditing(false)}>
            {t('citizens.reason.cancel')}
          </Button>
        )}
      </Group>
    </form>
  );
}
