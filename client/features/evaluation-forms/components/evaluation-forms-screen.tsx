import { Badge, Center, Group, NavLink, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditEvaluationForms } from '../../../../shared/domain/evaluation-form-versions';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { ListBesideDetail } from '../../../components/list-beside-detail';
import { QueryState } from '../../../components/query-state';
import { useEvaluationForms } from '../../coaching/api/coaching-queries';
import { addScreenStrings } from '../../../i18n';
import { evaluationFormsScreenId } from '../../../i18n/evaluation-forms-screen-id';
import { FormEditor } from './form-editor';

addScreenStrings({ evaluationForms: evaluationFormsScreenId });

type Selection = { kind: 'form'; id: string } | { kind: 'new'; attempt: number } | null;

/**
 * Evaluation forms (docs/training.md): trainers and administrators build and change them, with
 * a score preview; leads read them. Archived forms stay listed for the evaluations made with them.
 */
export function EvaluationFormsScreen({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const forms = useEvaluationForms();
  const canEdit = mayEditEvaluationForms(frame.user.role);
  const [selection, setSelection] = useState<Selection>(null);
  const list = forms.data ?? [];
  const selected =
    selection?.kind === 'form' ? list.find((form) => form.id === selection.id) : undefined;

  const side = (
    <QueryState
      query={forms}
      failure={(message) => t('evaluationForms.listLoadFailed', { message })}
    >
      {(loaded) =>
        loaded.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluationForms.empty')}
          </Text>
        ) : (
          <Stack gap={2} data-testid="form-list">
            {loaded.map((form) => (
              <NavLink
                key={form.id}
                active={selected?.id === form.id}
                label={form.title}
                description={
                  <Group gap={4} component="span">
                    <span>{t('evaluationForms.version', { version: form.version })}</span>
                    {form.isArchived && (
                      <Badge size="xs" color="orange" variant="light" component="span">
                        {t('evaluationForms.archived')}
                      </Badge>
                    )}
                  </Group>
                }
                onClick={() => setSelection({ kind: 'form', id: form.id })}
                data-testid="form-list-item"
              />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );

  let main;
  if (selection?.kind === 'new') {
    main = (
      <FormEditor
        key={`new-${selection.attempt}`}
        form={null}
        canEdit={canEdit}
        onSaved={(id) => setSelection({ kind: 'form', id })}
      />
    );
  } else if (selected) {
    main = (
      <FormEditor
        key={selected.id}
        form={selected}
        canEdit={canEdit}
        onSaved={(id) => setSelection({ kind: 'form', id })}
      />
    );
  } else {
    main = (
      <Center h="100%">
        <Text c="dimmed">{t('evaluationForms.selectPrompt')}</Text>
      </Center>
    );
  }

  return (
    <AppFrame frame={frame}>
      <ListBesideDetail
        testId="evaluation-forms-screen"
        listWidth={260}
        title={t('evaluationForms.listTitle')}
        newItem={
          canEdit
            ? {
                label: t('evaluationForms.newForm'),
                testId: 'form-new',
                onClick: () =>
                  setSelection({
                    kind: 'new',
                    attempt: selection?.kind === 'new' ? selection.attempt + 1 : 0,
                  }),
              }
            : undefined
        }
        list={side}
        detailPadding="md"
        detailOverflow="auto"
      >
        {main}
      </ListBesideDetail>
    </AppFrame>
  );
}
