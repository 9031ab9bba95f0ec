import {
  Alert,
  Checkbox,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneAbbreviation } from '../../../../shared/domain/business-hours';
import {
  AfterHoursActionSchema,
  WEEKDAY_KEYS,
  type QueueHours,
} from '../../../../shared/schemas/business-hours';
import { TimeZoneSchema } from '../../../../shared/schemas/calendar';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useReplaceQueueHours } from '../api/hours-queries';
import {
  formFromHours,
  settingsFromForm,
  type HoursForm,
  type HoursFormErrors,
} from '../hours-form';

function HoursEditorForm({
  hours,
  queueName,
  onClose,
}: {
  hours: QueueHours;
  queueName: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const replace = useReplaceQueueHours(hours.queueId);
  const [form, setForm] = useState<HoursForm>(() => formFromHours(hours, i18n.language));
  const [errors, setErrors] = useState<HoursFormErrors>({});
  const update = (change: Partial<HoursForm>) => setForm((current) => ({ ...current, ...change }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = settingsFromForm(form, {
      badDay: t('hours.editor.badDay'),
      overlap: (other) =>
        t('hours.editor.overlap', {
          other: i18n.language === 'en' ? other : other.replaceAll(':', '.'),
        }),
      endBeforeStart: t('hours.editor.endBeforeStart'),
      noOpening: t('hours.editor.noOpening'),
      messageRequired: t('hours.editor.messageRequired'),
    });
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    replace.mutate(checked.settings, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('hours.editor.saved', { queue: queueName }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="hours-editor">
      <Stack gap="sm">
        <Switch
          label={t('hours.editor.alwaysOpen')}
          checked={form.isAlwaysOpen}
          onChange={(event) => update({ isAlwaysOpen: event.currentTarget.checked })}
          data-autofocus
        />
        <NativeSelect
          label={t('hours.editor.timeZone')}
          value={form.timeZone}
          onChange={(event) => {
            const zone = TimeZoneSchema.safeParse(event.currentTarget.value);
            if (zone.success) update({ timeZone: zone.data });
          }}
          data={TimeZoneSchema.options.map((zone) => ({
            value: zone,
            label: `${zoneAbbreviation(zone)} (${zone})`,
          }))}
        />
        <fieldset disabled={form.isAlwaysOpen} style={{ border: 0, margin: 0, padding: 0 }}>
          <Text size="sm" fw={500} component="legend">
            {t('hours.editor.days')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('hours.editor.daysHint')}
          </Text>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
            {WEEKDAY_KEYS.map((day) => (
              <TextInput
                key={day}
                size="xs"
                label={t(`hours.editor.dayLabel.${day}`)}
                value={form.days[day]}
                onChange={(event) =>
                  update({ days: { ...form.days, [day]: event.currentTarget.value } })
                }
                error={errors[day]}
                data-testid={`hours-day-${day}`}
              />
            ))}
          </SimpleGrid>
          <Stack gap={4} mt="xs">
            <Checkbox
              label={t('hours.editor.closedOnHolidays')}
              checked={form.isClosedOnHolidays}
              onChange={(event) => update({ isClosedOnHolidays: event.currentTarget.checked })}
            />
            <Checkbox
              label={t('hours.editor.closedOnCollectiveLeave')}
              checked={form.isClosedOnCollectiveLeave}
              onChange={(event) =>
                update({ isClosedOnCollectiveLeave: event.currentTarget.checked })
              }
            />
          </Stack>
        </fieldset>
        <NativeSelect
          label={t('hours.editor.action')}
          value={form.action}
          onChange={(event) => {
            const action = AfterHoursActionSchema.safeParse(event.currentTarget.value);
            if (action.success) update({ action: action.data });
          }}
          data={AfterHoursActionSchema.options.map((action) => ({
            value: action,
            label: t(`hours.action.${action}`),
          }))}
          data-testid="hours-action"
        />
        <Textarea
          label={t('hours.editor.message')}
          description={t('hours.editor.messageHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={form.message}
          onChange={(event) => update({ message: event.currentTarget.value })}
          error={errors.message}
          data-testid="hours-message"
        />
        {errors.form !== undefined && (
          <Alert color="red" role="alert" p="xs">
            {errors.form}
          </Alert>
        )}
        <FormActions
          failure={
            replace.error === null
              ? null
              : t('hours.editor.saveFailed', { message: errorText(replace.error, t) })
          }
          submitLabel={t('hours.editor.save')}
          isPending={replace.isPending}
          onCancel={onClose}
          submitTestId="hours-save"
        />
      </Stack>
    </form>
  );
}

/** Administrators change a queue's business hours and after-hours answer here. */
export function QueueHoursEditor({
  hours,
  queueName,
  onClose,
}: {
  hours: QueueHours | null;
  queueName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={hours !== null}
      onClose={onClose}
      title={t('hours.editor.title', { queue: queueName })}
      size="lg"
    >
      {hours !== null && (
        <HoursEditorForm
          key={hours.queueId}
          hours={hours}
          queueName={queueName}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}
