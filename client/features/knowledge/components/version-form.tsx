import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerVersion, VersionBody } from '../../../../shared/schemas/knowledge';
import { toAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../lib/format';
import { useReferenceData } from '../../../lib/reference-data';
import { useUnits } from '../api/authoring-queries';

/** The form as typed: strings, turned into a request body on submit. */
export interface VersionFormValues {
  title: string;
  body: string;
  summary: string;
  sourceDocument: string;
  sourceArticle: string;
  effectiveFrom: string;
  expiresAt: string;
  topic: string;
  unitId: string;
}

type FieldName = keyof VersionFormValues;
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELDS: readonly FieldName[] = [
  'title',
  'body',
  'summary',
  'sourceDocument',
  'sourceArticle',
  'effectiveFrom',
  'expiresAt',
  'topic',
  'unitId',
];

export function emptyValues(now: number): VersionFormValues {
  return {
    title: '',
    body: '',
    summary: '',
    sourceDocument: '',
    sourceArticle: '',
    effectiveFrom: toDateTimeLocalValue(now),
    expiresAt: '',
    topic: '',
    unitId: '',
  };
}

/** A version's fields as the form's starting point (a draft to edit, or the base of a new one). */
export function valuesOf(
  version: AnswerVersion,
  answer: { topic: string; unitId: string },
): VersionFormValues {
  return {
    title: version.title,
    body: version.body,
    summary: version.summary,
    sourceDocument: version.sourceDocument,
    sourceArticle: version.sourceArticle ?? '',
    effectiveFrom: toDateTimeLocalValue(version.effectiveFrom),
    expiresAt: version.expiresAt === null ? '' : toDateTimeLocalValue(version.expiresAt),
    topic: answer.topic,
    unitId: answer.unitId,
  };
}

/** The request body; dates the browser could not read are reported as field errors instead. */
export function toBody(
  values: VersionFormValues,
): { ok: true; body: VersionBody } | { ok: false; errors: FieldErrors } {
  const effectiveFrom = fromDateTimeLocalValue(values.effectiveFrom);
  const expiresAt = values.expiresAt === '' ? null : fromDateTimeLocalValue(values.expiresAt);
  const errors: FieldErrors = {};
  if (effectiveFrom === null) errors.effectiveFrom = 'required';
  if (values.expiresAt !== '' && expiresAt === null) errors.expiresAt = 'invalid';
  if (effectiveFrom === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title: values.title,
      body: values.body,
      summary: values.summary,
      sourceDocument: values.sourceDocument,
      sourceArticle: values.sourceArticle.trim() === '' ? null : values.sourceArticle,
      effectiveFrom,
      expiresAt,
    },
  };
}

/**
 * Field errors from a failed save, whether the client's own check or the server's 400 found them
 * (the server names fields `body.title`, the client `title`).
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error === null || error === undefined) return {};
  const errors: FieldErrors = {};
  for (const field of toAppError(error).fields ?? []) {
    const name = field.path.replace(/^body\./, '').split('.')[0] as FieldName;
    if (FIELDS.includes(name) && errors[name] === undefined) errors[name] = field.message;
  }
  return errors;
}

/**
 * Writes one version: title, the answer an agent may send, the same in plain words, its source
 * (document and article), the dates it holds, and for a new answer its topic and owning unit.
 * Errors show beside their fields; anything else above the buttons.
 */
export function VersionForm({
  initial,
  isNewAnswer,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
  onDirtyChange,
}: {
  initial: VersionFormValues;
  isNewAnswer: boolean;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: VersionFormValues, body: VersionBody) => void;
  onCancel?: () => void;
  /** Told whether the form differs from `initial`, e.g. to hold back a step on unsaved work. */
  onDirtyChange?: (isDirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const reference = useReferenceData();
  const units = useUnits();
  const serverErrors = fieldErrorsOf(error);
  const errorFor = (name: FieldName): string | undefined => {
    if (localErrors[name] !== undefined) return localErrors[name];
    const message = serverErrors[name];
    return message === undefined ? undefined : t('authoring.fieldError', { message });
  };
  const hasFieldErrors = Object.keys(serverErrors).length > 0;
  const set = (name: FieldName) => (value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setLocalErrors((current) => ({ ...current, [name]: undefined }));
    onDirtyChange?.(FIELDS.some((field) => next[field] !== initial[field]));
  };
  const input = (name: FieldName) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => set(name)(event.currentTarget.value),
    error: errorFor(name),
    'data-testid': `field-${name}`,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = toBody(values);
    const missing: FieldErrors = {};
    if (isNewAnswer && values.topic === '') missing.topic = t('authoring.required');
    if (isNewAnswer && values.unitId === '') missing.unitId = t('authoring.required');
    if (!parsed.ok || Object.keys(missing).length > 0) {
      const dates: FieldErrors = {};
      for (const [name, code] of Object.entries(parsed.ok ? {} : parsed.errors)) {
        dates[name as FieldName] =
          code === 'required' ? t('authoring.required') : t('authoring.invalidDate');
      }
      setLocalErrors({ ...dates, ...missing });
      return;
    }
    onSubmit(values, parsed.body);
  };

  const isEnglish = i18n.language === 'en';
  const topicOptions = (reference.data?.topics ?? []).map((topic) => ({
    value: topic.code,
    label: isEnglish ? topic.labelEn : topic.labelId,
  }));
  const unitOptions = (units.data?.units ?? []).map((unit) => ({
    value: unit.id,
    label: unit.name,
  }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('authoring.formLabel')}>
      <Stack gap="xs">
        {isNewAnswer && (
          <SimpleGrid cols={2} spacing="xs">
            <Select
              label={t('authoring.topic')}
              data={topicOptions}
              value={values.topic || null}
              onChange={(value) => set('topic')(value ?? '')}
              error={errorFor('topic')}
              searchable
              required
              data-testid="field-topic"
            />
            <Select
              label={t('authoring.unit')}
              data={unitOptions}
              value={values.unitId || null}
              onChange={(value) => set('unitId')(value ?? '')}
              error={errorFor('unitId')}
              searchable
              required
              data-testid="field-unitId"
            />
          </SimpleGrid>
        )}
        <TextInput label={t('authoring.titleField')} required {...input('title')} />
        <Textarea
          label={t('authoring.body')}
          description={t('authoring.bodyHint')}
          autosize
          minRows={5}
          maxRows={16}
          required
          {...input('body')}
        />
        <Textarea
          label={t('authoring.summary')}
          description={t('authoring.summaryHint')}
          autosize
          minRows={2}
          maxRows={5}
          required
          {...input('summary')}
        />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t('authoring.sourceDocument')}
            placeholder="Permensos 1/2018"
            required
            {...input('sourceDocument')}
          />
          <TextInput
            label={t('authoring.sourceArticle')}
            placeholder="Pasal 5 ayat (2)"
            {...input('sourceArticle')}
          />
          <TextInput
            type="datetime-local"
            label={t('authoring.effectiveFrom')}
            required
            {...input('effectiveFrom')}
          />
          <TextInput
            type="datetime-local"
            label={t('authoring.expiresAt')}
            description={t('authoring.expiresHint')}
            {...input('expiresAt')}
          />
        </SimpleGrid>
        {error !== null && error !== undefined && (
          <Alert color="red" role="alert" data-testid="form-error">
            {hasFieldErrors ? t('authoring.fixFields') : errorText(error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={isPending} data-testid="save-version">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
