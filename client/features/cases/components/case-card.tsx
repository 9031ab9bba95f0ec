import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CaseClock,
  CaseDetail,
  CaseStatus,
  TransitionFields,
} from '../../../../shared/schemas/case';
import type { User } from '../../../../shared/schemas/user';
import { DeadlineCountdown, formatDueInZone } from '../../../components/deadline-countdown';
import { FormActions } from '../../../components/form-actions';
import { errorText } from '../../../lib/error-text';
import { useCaseCommand } from '../api/case-commands';
import { useUnits } from '../api/case-queries';

type Panel = 'step' | 'extend' | 'pause' | 'handoff' | 'return' | null;

/** Which decision values a step offers, and which text fields it asks for. */
function stepNeeds(detail: CaseDetail, to: CaseStatus) {
  const type = detail.case.type;
  if (type === 'information_request' && to === 'notice_sent') {
    return { decisions: ['granted', 'partly_granted', 'refused'] as const, reason: true };
  }
  if (type === 'information_request' && to === 'forwarded') return { holderBody: true };
  if (type === 'objection' && to === 'decided') {
    return {
      decisions: ['objection_granted', 'refusal_upheld'] as const,
      reason: true,
      decidedBy: true,
    };
  }
  if (to === 'resolved' || to === 'answered' || to === 'followed_up') return { resolution: true };
  if (to === 'refused' || to === 'withdrawn' || to === 'deemed_withdrawn') return { reason: true };
  return {};
}

function ClockView({ clock, timeZone }: { clock: CaseClock; timeZone: string }) {
  const { t } = useTranslation();
  if (clock.startsAt === null) {
    return (
      <Text size="xs" c="dimmed">
        {t(`cases.clock.${clock.clock}`)}: {t('cases.clockStatus.pending')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid={`case-clock-${clock.clock}`}>
      <Text size="xs" fw={700}>
        {t(`cases.clock.${clock.clock}`)}
        {clock.status !== 'running' && ` · ${t(`cases.clockStatus.${clock.status}`)}`}
      </Text>
      {clock.legalDueAt !== null && (
        <DeadlineCountdown
          label={t('cases.legal')}
          startsAt={clock.startsAt}
          dueAt={clock.legalDueAt}
          timeZone={timeZone}
          status={clock.status}
          testId={`case-countdown-legal-${clock.clock}`}
        />
      )}
      {clock.internalDueAt !== null && (
        <DeadlineCountdown
          label={t('cases.internal')}
          startsAt={clock.startsAt}
          dueAt={clock.internalDueAt}
          timeZone={timeZone}
          status={clock.status}
          testId={`case-countdown-internal-${clock.clock}`}
        />
      )}
      {clock.extensionReason !== null && (
        <Text size="xs" data-testid="case-extension">
          {t('cases.actions.extended', { reason: clock.extensionReason })}
        </Text>
      )}
      {clock.status === 'paused' && clock.pauseReason !== null && (
        <Text size="xs" c="orange.8">
          {t('cases.actions.paused', { reason: clock.pauseReason })}
        </Text>
      )}
    </Stack>
  );
}

/** A small inline form with the shared footer. */
function InlineForm({
  onSubmit,
  onCancel,
  failure,
  isPending,
  submitLabel,
  submitTestId,
  children,
}: {
  onSubmit: () => void;
  onCancel: () => void;
  failure: string | null;
  isPending: boolean;
  submitLabel: string;
  submitTestId: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder p="xs" radius="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        {children}
        <FormActions
          failure={failure}
          submitLabel={submitLabel}
          isPending={isPending}
          onCancel={onCancel}
          submitTestId={submitTestId}
        />
      </Stack>
    </Paper>
  );
}

/**
 * One case: the reference to read out, status, every clock with its legal date and internal
 * target counting down, the hand-off, and the steps the viewer may take.
 */
export function CaseCard({ detail, user }: { detail: CaseDetail; user: User }) {
  const { t, i18n } = useTranslation();
  const summary = detail.case;
  const [panel, setPanel] = useState<Panel>(null);
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [fields, setFields] = useState<TransitionFields>({});
  const [days, setDays] = useState('7');
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState('');
  const transition = useCaseCommand('case:transition');
  const extend = useCaseCommand('case:extend');
  const pause = useCaseCommand('case:pause');
  const resume = useCaseCommand('case:resume');
  const handOff = useCaseCommand('case:hand-off');
  const acknowledge = useCaseCommand('case:acknowledge-hand-off');
  const giveBack = useCaseCommand('case:return-hand-off');
  const units = useUnits();

  const open = (next: Panel) => {
    setPanel(next);
    setCommandId(crypto.randomUUID());
    setText('');
    setFields({});
  };
  const done = { onSuccess: () => setPanel(null) };
  const failureOf = (error: unknown) =>
    error ? t('cases.failed', { message: errorText(error, t) }) : null;

  const latestHandOff = detail.handOffs.at(-1);
  const isUnit = user.role === 'unit';
  const isWithMyUnit = isUnit && summary.withUnitId !== null;
  const canAct =
    !summary.isClosed &&
    (user.role === 'lead' ||
      user.role === 'admin' ||
      (user.role === 'agent' && summary.ownerId === user.id) ||
      (isWithMyUnit && latestHandOff?.status === 'acknowledged'));
  const mainClock = detail.clocks.find(
    (clock) => clock.status === 'running' || clock.status === 'paused',
  );
  const extendable = detail.clocks.find(
    (clock) => clock.isExtendable && clock.extensionsUsed === 0 && clock.status === 'running',
  );
  const needs = to === '' ? {} : stepNeeds(detail, to);

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="case-card" data-case-id={summary.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('cases.reference')}
            </Text>
            <Text fw={800} ff="monospace" size="md" data-testid="case-reference">
              {summary.reference}
            </Text>
          </div>
          <Stack gap={2} align="flex-end">
            <Badge variant="light" data-testid="case-status">
              {t(`cases.status.${summary.status}`)}
            </Badge>
            {summary.isBreached && (
              <Badge color="red" data-testid="case-breached">
                {t('cases.breached')}
              </Badge>
            )}
          </Stack>
        </Group>
        <Text size="sm" fw={600}>
          {t(`cases.type.${summary.type}`)} · {summary.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {t('cases.owner', { name: summary.ownerName })} ·{' '}
          {t('cases.received', {
            date: formatDueInZone(summary.receivedAt, summary.timeZone, i18n.language),
          })}
        </Text>
        {detail.filingWindow !== null && (
          <Text
            size="xs"
            c={detail.filingWindow.isLate ? 'orange.8' : 'dimmed'}
            fw={detail.filingWindow.isLate ? 700 : undefined}
            data-testid="case-filing-window"
          >
            {t(detail.filingWindow.isLate ? 'cases.filingLate' : 'cases.filingWindow', {
              date: detail.filingWindow.lastDay,
            })}
          </Text>
        )}
        {detail.warnings.map((warning) => (
          <Alert
            key={`${warning.code}-${warning.clock}-${warning.year}`}
            color="orange"
            p="xs"
            data-testid="case-warning"
          >
            <Text size="xs">
              {warning.code === 'holiday_data_missing'
                ? t('cases.holidayDataMissing', { year: warning.year })
                : warning.message}
            </Text>
          </Alert>
        ))}
        {detail.clocks.map((clock) => (
          <ClockView key={clock.id} clock={clock} timeZone={summary.timeZone} />
        ))}
        {latestHandOff !== undefined && (
          <Text size="xs" data-testid="case-handoff">
            {t('cases.actions.withUnit', {
              unit: latestHandOff.unitName,
              status: t(`cases.actions.handOffStatus.${latestHandOff.status}`),
            })}{' '}
            ·{' '}
            {t('cases.actions.agreedDue', {
              date: formatDueInZone(latestHandOff.agreedDueAt, summary.timeZone, i18n.language),
            })}
            {latestHandOff.reason !== null && ` · ${latestHandOff.reason}`}
          </Text>
        )}
        {isWithMyUnit && latestHandOff?.status === 'pending' && (
          <Group gap="xs">
            <Button
              size="xs"
              loading={acknowledge.isPending}
              onClick={() =>
                acknowledge.mutate({ commandId: crypto.randomUUID(), handOffId: latestHandOff.id })
              }
              data-testid="case-acknowledge"
            >
              {t('cases.actions.acknowledge')}
            </Button>
            <Button size="xs" variant="default" onClick={() => open('return')}>
              {t('cases.actions.return')}
            </Button>
          </Group>
        )}
        {canAct && panel === null && (
          <Group gap="xs">
            {detail.nextStatuses.length > 0 && (
              <Button
                size="xs"
                variant="light"
                onClick={() => open('step')}
                data-testid="case-step"
              >
                {t('cases.actions.step')}
              </Button>
            )}
            {extendable !== undefined && (
              <Button
                size="xs"
                variant="light"
                onClick={() => open('extend')}
                data-testid="case-extend"
              >
                {t('cases.actions.extend')}
              </Button>
            )}
            {mainClock?.status === 'running' && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => open('pause')}
                data-testid="case-pause"
              >
                {t('cases.actions.pause')}
              </Button>
            )}
            {mainClock?.status === 'paused' && (
              <Button
                size="xs"
                variant="subtle"
                loading={resume.isPending}
                onClick={() =>
                  resume.mutate({
                    commandId: crypto.randomUUID(),
                    caseId: summary.id,
                    clock: mainClock.clock,
                  })
                }
                data-testid="case-resume"
              >
                {t('cases.actions.resume')}
              </Button>
            )}
            {!isUnit && summary.withUnitId === null && (
              <Button
                size="xs"
                variant="light"
                onClick={() => open('handoff')}
                data-testid="case-handoff-open"
              >
                {t('cases.actions.handOff')}
              </Button>
            )}
          </Group>
        )}
        {panel === 'step' && (
          <InlineForm
            onSubmit={() => {
              if (to === '') return;
              transition.mutate({ commandId, caseId: summary.id, to, fields }, done);
            }}
            onCancel={() => setPanel(null)}
            failure={failureOf(transition.error)}
            isPending={transition.isPending}
            submitLabel={t('cases.actions.stepSubmit')}
            submitTestId="case-step-submit"
          >
            <NativeSelect
              label={t('cases.actions.step')}
              value={to}
              onChange={(event) => setTo(event.currentTarget.value as CaseStatus)}
              data-testid="case-step-to"
              data={[
                { value: '', label: t('cases.actions.stepPlaceholder'), disabled: true },
                ...detail.nextStatuses.map((status) => ({
                  value: status,
                  label: t(`cases.status.${status}`),
                })),
              ]}
            />
            {'decisions' in needs && needs.decisions && (
              <NativeSelect
                label={t('cases.actions.decision')}
                value={fields.decision ?? ''}
                onChange={(event) =>
                  setFields({
                    ...fields,
                    decision: event.currentTarget.value as TransitionFields['decision'],
                  })
                }
                data={[
                  { value: '', label: '—', disabled: true },
                  ...needs.decisions.map((decision) => ({
                    value: decision,
                    label: t(`cases.actions.decisions.${decision}`),
                  })),
                ]}
              />
            )}
            {'holderBody' in needs && (
              <TextInput
                label={t('cases.actions.holderBody')}
                value={fields.holderBody ?? ''}
                onChange={(event) =>
                  setFields({ ...fields, holderBody: event.currentTarget.value })
                }
              />
            )}
            {'decidedBy' in needs && (
              <TextInput
                label={t('cases.actions.decidedBy')}
                value={fields.decidedBy ?? ''}
                onChange={(event) => setFields({ ...fields, decidedBy: event.currentTarget.value })}
              />
            )}
            {'reason' in needs && (
              <Textarea
                label={t('cases.actions.reason')}
                value={fields.reason ?? ''}
                onChange={(event) => setFields({ ...fields, reason: event.currentTarget.value })}
              />
            )}
            {'resolution' in needs && (
              <Textarea
                label={t('cases.actions.resolution')}
                value={fields.resolution ?? ''}
                onChange={(event) =>
                  setFields({ ...fields, resolution: event.currentTarget.value })
                }
              />
            )}
          </InlineForm>
        )}
        {panel === 'extend' && extendable !== undefined && (
          <InlineForm
            onSubmit={() =>
              extend.mutate(
                {
                  commandId,
                  caseId: summary.id,
                  clock: extendable.clock,
                  workingDays: Number(days),
                  reason: text,
                },
                done,
              )
            }
            onCancel={() => setPanel(null)}
            failure={failureOf(extend.error)}
            isPending={extend.isPending}
            submitLabel={t('cases.actions.extend')}
            submitTestId="case-extend-submit"
          >
            <Text size="xs">{t('cases.actions.extendTitle')}</Text>
            <TextInput
              type="number"
              min={1}
              max={7}
              label={t('cases.actions.extendDays')}
              value={days}
              onChange={(event) => setDays(event.currentTarget.value)}
              data-testid="case-extend-days"
            />
            <Textarea
              label={t('cases.actions.extendReason')}
              required
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              data-testid="case-extend-reason"
            />
          </InlineForm>
        )}
        {panel === 'pause' && mainClock !== undefined && (
          <InlineForm
            onSubmit={() =>
              pause.mutate(
                { commandId, caseId: summary.id, clock: mainClock.clock, reason: text },
                done,
              )
            }
            onCancel={() => setPanel(null)}
            failure={failureOf(pause.error)}
            isPending={pause.isPending}
            submitLabel={t('cases.actions.pause')}
            submitTestId="case-pause-submit"
          >
            <TextInput
              label={t('cases.actions.pauseReason')}
              required
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              data-testid="case-pause-reason"
            />
          </InlineForm>
        )}
        {panel === 'handoff' && (
          <InlineForm
            onSubmit={() =>
              handOff.mutate({ commandId, caseId: summary.id, unitId, note: text }, done)
            }
            onCancel={() => setPanel(null)}
            failure={failureOf(handOff.error)}
            isPending={handOff.isPending}
            submitLabel={t('cases.actions.handOff')}
            submitTestId="case-handoff-submit"
          >
            <NativeSelect
              label={t('cases.actions.handOffUnit')}
              value={unitId}
              onChange={(event) => setUnitId(event.currentTarget.value)}
              data-testid="case-handoff-unit"
              data={[
                { value: '', label: '—', disabled: true },
                ...(units.data?.units ?? [])
                  .filter((unit) => unit.id !== summary.unitId)
                  .map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
            <Textarea
              label={t('cases.actions.handOffNote')}
              required
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              data-testid="case-handoff-note"
            />
          </InlineForm>
        )}
        {panel === 'return' && latestHandOff !== undefined && (
          <InlineForm
            onSubmit={() =>
              giveBack.mutate({ commandId, handOffId: latestHandOff.id, reason: text }, done)
            }
            onCancel={() => setPanel(null)}
            failure={failureOf(giveBack.error)}
            isPending={giveBack.isPending}
            submitLabel={t('cases.actions.return')}
            submitTestId="case-return-submit"
          >
            <Textarea
              label={t('cases.actions.returnReason')}
              required
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          </InlineForm>
        )}
        {acknowledge.error !== null && (
          <Text size="xs" c="red" role="alert">
            {failureOf(acknowledge.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
