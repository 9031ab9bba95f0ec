import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ObjectionReasonSchema } from '../../shared/schemas/case';
import { REQUEST_TYPES } from '../../shared/schemas/deadlines';
import { mainTextField, type CaseFormErrors, type CaseFormValue } from '../lib/case-form';

/**
 * The register fields of a new case, by type (K1, K7, K11; indonesia.md §2). Used by the wrap-up
 * form and the case panel; `testIdPrefix` keeps their test ids apart.
 */
export function CaseFields({
  value,
  errors,
  onChange,
  testIdPrefix,
}: {
  value: CaseFormValue;
  errors: CaseFormErrors;
  onChange: (change: Partial<CaseFormValue>) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `${testIdPrefix}-${name}`;
  // The schema's "required" reads in the UI language; other messages name the rule broken.
  const errorOf = (field: keyof CaseFormValue) =>
    errors[field] === 'required' ? t('cases.fields.required') : errors[field];
  const isClassed = value.type === 'inquiry' || value.type === 'aspiration';
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('cases.fields.type')}
        required
        value={value.type}
        error={errorOf('type')}
        onChange={(event) => onChange({ type: event.currentTarget.value as CaseFormValue['type'] })}
        data-testid={id('type')}
        data={[
          { value: '', label: '—', disabled: true },
          ...REQUEST_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) })),
        ]}
      />
      <TextInput
        label={t('cases.fields.subject')}
        required
        value={value.subject}
        error={errorOf('subject')}
        maxLength={300}
        onChange={(event) => onChange({ subject: event.currentTarget.value })}
        data-testid={id('subject')}
      />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label={t('cases.fields.requesterName')}
          required
          value={value.requesterName}
          error={errorOf('requesterName')}
          onChange={(event) => onChange({ requesterName: event.currentTarget.value })}
          data-testid={id('requester')}
        />
        <TextInput
          label={t('cases.fields.requesterContact')}
          value={value.requesterContact}
          error={errorOf('requesterContact')}
          onChange={(event) => onChange({ requesterContact: event.currentTarget.value })}
        />
      </SimpleGrid>
      {value.type === 'objection' && (
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t('cases.fields.requestReference')}
            required
            value={value.requestReference}
            error={errorOf('requestReference')}
            onChange={(event) => onChange({ requestReference: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('cases.fields.objectionReason')}
            value={value.objectionReason}
            onChange={(event) => onChange({ objectionReason: event.currentTarget.value })}
            data={ObjectionReasonSchema.options.map((reason) => ({
              value: reason,
              label: t(`cases.fields.objectionReasons.${reason}`),
            }))}
          />
          <TextInput
            type="date"
            label={t('cases.fields.groundsFoundOn')}
            value={value.groundsFoundOn}
            error={errorOf('groundsFoundOn')}
            onChange={(event) => onChange({ groundsFoundOn: event.currentTarget.value })}
            data-testid={id('grounds-found-on')}
          />
        </SimpleGrid>
      )}
      {value.type === 'personal_data_request' && (
        <NativeSelect
          label={t('cases.fields.right')}
          value={value.right}
          onChange={(event) =>
            onChange({ right: event.currentTarget.value as CaseFormValue['right'] })
          }
          data={(['access', 'correction', 'withdrawal', 'restriction', 'erasure'] as const).map(
            (right) => ({ value: right, label: t(`cases.fields.rights.${right}`) }),
          )}
        />
      )}
      <Textarea
        label={t(`cases.fields.${mainTextField(value.type)}`)}
        required
        autosize
        minRows={2}
        maxRows={5}
        value={value.text}
        error={errorOf('text')}
        onChange={(event) => onChange({ text: event.currentTarget.value })}
        data-testid={id('text')}
      />
      {value.type === 'information_request' && (
        <>
          <TextInput
            label={t('cases.fields.purpose')}
            required
            value={value.purpose}
            error={errorOf('purpose')}
            onChange={(event) => onChange({ purpose: event.currentTarget.value })}
            data-testid={id('purpose')}
          />
          <SimpleGrid cols={2} spacing="xs">
            <NativeSelect
              label={t('cases.fields.obtainMode')}
              value={value.obtainMode}
              onChange={(event) =>
                onChange({ obtainMode: event.currentTarget.value as CaseFormValue['obtainMode'] })
              }
              data={(['view', 'copy'] as const).map((mode) => ({
                value: mode,
                label: t(`cases.fields.obtain.${mode}`),
              }))}
            />
            <NativeSelect
              label={t('cases.fields.deliveryMode')}
              value={value.deliveryMode}
              onChange={(event) =>
                onChange({
                  deliveryMode: event.currentTarget.value as CaseFormValue['deliveryMode'],
                })
              }
              data={(['pickup', 'email', 'post', 'courier'] as const).map((mode) => ({
                value: mode,
                label: t(`cases.fields.delivery.${mode}`),
              }))}
            />
          </SimpleGrid>
        </>
      )}
      {isClassed && (
        <SimpleGrid cols={2} spacing="xs">
          <NativeSelect
            label={t('cases.fields.serviceClass')}
            value={value.serviceClass}
            onChange={(event) =>
              onChange({ serviceClass: event.currentTarget.value as CaseFormValue['serviceClass'] })
            }
            data-testid={id('service-class')}
            data={[
              { value: '', label: '—' },
              ...(['immediate', 'one_day', 'one_week', 'custom'] as const).map((serviceClass) => ({
                value: serviceClass,
                label: t(`cases.fields.serviceClasses.${serviceClass}`),
              })),
            ]}
          />
          {value.serviceClass === 'custom' && (
            <TextInput
              type="number"
              min={0}
              max={250}
              label={t('cases.fields.customWorkingDays')}
              value={value.customWorkingDays}
              error={errorOf('customWorkingDays')}
              onChange={(event) => onChange({ customWorkingDays: event.currentTarget.value })}
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
