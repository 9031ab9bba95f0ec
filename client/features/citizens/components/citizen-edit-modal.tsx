import { Checkbox, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenProfile, UpdateCitizenBody } from '../../../../shared/schemas/citizen';
import { SEGMENT_CODES, type SegmentCode } from '../../../../shared/schemas/common';
import { FormActions } from '../../../components/form-actions';
import { toAppError } from '../../../lib/app-error';
import { errorText } from '../../../lib/error-text';
import { useUpdateCitizen } from '../api/citizen-queries';

type FieldName = keyof UpdateCitizenBody;

/** Only what differs from the profile is sent: PATCH changes just the fields given. */
function changedFields(
  profile: CitizenProfile,
  draft: {
    name: string;
    organisation: string;
    segment: SegmentCode;
    isSegmentVerified: boolean;
    preferredLanguage: 'id' | 'en';
    mayContact: boolean;
    nik: string;
  },
): UpdateCitizenBody {
  const organisation = draft.organisation.trim() === '' ? null : draft.organisation.trim();
  return {
    ...(draft.name.trim() !== profile.name ? { name: draft.name.trim() } : {}),
    ...(organisation !== profile.organisation ? { organisation } : {}),
    ...(draft.segment !== profile.segment ? { segment: draft.segment } : {}),
    ...(draft.isSegmentVerified !== profile.isSegmentVerified
      ? { isSegmentVerified: draft.isSegmentVerified }
      : {}),
    ...(draft.preferredLanguage !== profile.preferredLanguage
      ? { preferredLanguage: draft.preferredLanguage }
      : {}),
    ...(draft.mayContact !== profile.mayContact ? { mayContact: draft.mayContact } : {}),
    ...(draft.nik.trim() !== '' ? { nik: draft.nik.replace(/\s/g, '') } : {}),
  };
}

/** The field a server (`body.nik`) or contract (`nik`) error names. */
function fieldOf(path: string): FieldName | null {
  const name = path.replace(/^body\./, '').split('.')[0];
  const known: FieldName[] = [
    'name',
    'organisation',
    'segment',
    'isSegmentVerified',
    'preferredLanguage',
    'mayContact',
    'nik',
  ];
  return known.find((field) => field === name) ?? null;
}

function EditForm({
  profile,
  reason,
  onClose,
}: {
  profile: CitizenProfile;
  reason: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCitizen(profile.id, reason);
  const [draft, setDraft] = useState({
    name: profile.name,
    organisation: profile.organisation ?? '',
    segment: profile.segment,
    isSegmentVerified: profile.isSegmentVerified,
    preferredLanguage: profile.preferredLanguage,
    mayContact: profile.mayContact,
    nik: '',
  });
  const [nothingChanged, setNothingChanged] = useState(false);
  const failure = update.error === null ? null : toAppError(update.error);
  const fieldErrors = new Map<FieldName, string>();
  // The server explains in English for logs; the form says it in the user's language.
  for (const field of failure?.fields ?? []) {
    const name = fieldOf(field.path);
    if (name === null || fieldErrors.has(name)) continue;
    fieldErrors.set(
      name,
      name === 'nik'
        ? t('citizens.edit.nikInvalid')
        : name === 'name'
          ? t('citizens.edit.nameInvalid')
          : t('citizens.edit.fieldInvalid'),
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const change = changedFields(profile, draft);
    if (Object.keys(change).length === 0) {
      setNothingChanged(true);
      return;
    }
    setNothingChanged(false);
    update.mutate(change, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          message: t('citizens.edit.saved', { name: saved.name }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="citizen-edit-form">
      <Stack gap="sm">
        <TextInput
          label={t('citizens.edit.name')}
          required
          maxLength={120}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          error={fieldErrors.get('name')}
          data-testid="citizen-edit-name"
          data-autofocus
        />
        <TextInput
          label={t('citizens.edit.organisation')}
          maxLength={160}
          value={draft.organisation}
          onChange={(event) => setDraft({ ...draft, organisation: event.currentTarget.value })}
          error={fieldErrors.get('organisation')}
          data-testid="citizen-edit-organisation"
        />
        <NativeSelect
          label={t('citizens.edit.segment')}
          value={draft.segment}
          onChange={(event) =>
            setDraft({ ...draft, segment: event.currentTarget.value as SegmentCode })
          }
          error={fieldErrors.get('segment')}
          data={SEGMENT_CODES.map((code) => ({ value: code, label: t(`segment.${code}`) }))}
          data-testid="citizen-edit-segment"
        />
        <Checkbox
          label={t('citizens.edit.verified')}
          checked={draft.isSegmentVerified}
          onChange={(event) =>
            setDraft({ ...draft, isSegmentVerified: event.currentTarget.checked })
          }
          error={fieldErrors.get('isSegmentVerified')}
          data-testid="citizen-edit-verified"
        />
        <NativeSelect
          label={t('citizens.edit.language')}
          value={draft.preferredLanguage}
          onChange={(event) =>
            setDraft({
              ...draft,
              preferredLanguage: event.currentTarget.value === 'en' ? 'en' : 'id',
            })
          }
          data={[
            { value: 'id', label: t('citizens.profile.languages.id') },
            { value: 'en', label: t('citizens.profile.languages.en') },
          ]}
          data-testid="citizen-edit-language"
        />
        <Checkbox
          label={t('citizens.edit.mayContact')}
          checked={draft.mayContact}
          onChange={(event) => setDraft({ ...draft, mayContact: event.currentTarget.checked })}
          data-testid="citizen-edit-may-contact"
        />
        <TextInput
          label={t('citizens.edit.nik')}
          description={t('citizens.edit.nikHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={draft.nik}
          onChange={(event) => setDraft({ ...draft, nik: event.currentTarget.value })}
          error={fieldErrors.get('nik')}
          data-testid="citizen-edit-nik"
        />
        <FormActions
          failure={
            nothingChanged
              ? t('citizens.edit.nothing')
              : failure === null
                ? null
                : t('citizens.edit.failed', { message: errorText(failure, t) })
          }
          submitLabel={t('citizens.edit.submit')}
          isPending={update.isPending}
          onCancel={onClose}
          submitTestId="citizen-edit-submit"
        />
      </Stack>
    </form>
  );
}

/** Changes a profile's details; the server's field errors show beside their fields. */
export function CitizenEditModal({
  profile,
  reason,
  opened,
  onClose,
}: {
  profile: CitizenProfile;
  reason: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('citizens.edit.title', { name: profile.name })}
    >
      {opened && <EditForm profile={profile} reason={reason} onClose={onClose} />}
    </Modal>
  );
}
