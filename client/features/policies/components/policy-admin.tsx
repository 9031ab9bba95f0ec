import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  SEGMENT_CODES,
  type Channel,
  type SegmentCode,
} from '../../../../shared/schemas/common';
import type { Campaign, Policy } from '../../../../shared/schemas/policy';
import { localeFor } from '../../../i18n';
import { errorText } from '../../../lib/error-text';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../lib/format';
import { useReferenceData } from '../../../lib/reference-data';
import {
  useAnswerOptions,
  useApprovePublicQuestion,
  useCreateCampaign,
  useSavePolicy,
  useScriptOptions,
  useStopCampaign,
  useUnits,
} from '../api/policy-commands';

/** Create or edit a policy (administrators). `policy` null: a new one. */
export function PolicyFormModal({
  opened,
  policy,
  onClose,
}: {
  opened: boolean;
  policy: Policy | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={policy === null ? t('policies.admin.formTitleNew') : t('policies.admin.formTitleEdit')}
    >
      {opened && <PolicyForm key={policy?.id ?? 'new'} policy={policy} onDone={onClose} />}
    </Modal>
  );
}

function PolicyForm({ policy, onDone }: { policy: Policy | null; onDone: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const save = useSavePolicy();
  const [title, setTitle] = useState(policy?.title ?? '');
  const [summary, setSummary] = useState(policy?.plainSummary ?? '');
  const [effective, setEffective] = useState(
    toDateTimeLocalValue(policy?.effectiveFrom ?? new Date().setHours(0, 0, 0, 0)),
  );
  const [unitId, setUnitId] = useState(policy?.unitId ?? 'pusat-kontak');
  const [answerIds, setAnswerIds] = useState<string[]>(
    policy?.answers.map((a) => a.answerId) ?? [],
  );
  const [known, setKnown] = useState<Record<string, string>>(
    Object.fromEntries((policy?.answers ?? []).map((a) => [a.answerId, a.title])),
  );
  const [words, setWords] = useState('');
  const options = useAnswerOptions(words);
  const [note, setNote] = useState(policy?.internalNote ?? '');
  const scripts = useScriptOptions();
  const [scriptIds, setScriptIds] = useState<string[]>(
    policy?.scripts.map((s) => s.scriptId) ?? [],
  );
  const found = Object.fromEntries(
    (options.data?.items ?? []).map((item) => [item.answerId, item.title]),
  );
  const titles = { ...found, ...known };
  const effectiveFrom = fromDateTimeLocalValue(effective);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (effectiveFrom === null) return;
        save.mutate(
          {
            id: policy?.id ?? null,
            body: {
              title,
              plainSummary: summary,
              effectiveFrom,
              unitId,
              answerIds,
              scriptIds,
              internalNote: note.trim() === '' ? null : note,
            },
          },
          { onSuccess: onDone },
        );
      }}
      data-testid="policy-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t('policies.admin.title')}
          required
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label={t('policies.admin.plainSummary')}
          description={t('policies.admin.plainSummaryHint')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('policies.admin.effectiveFrom')}
            required
            value={effective}
            onChange={(e) => setEffective(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('policies.admin.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={(units.data?.units ?? [{ id: unitId, name: unitId }]).map((u) => ({
              value: u.id,
              label: u.name,
            }))}
          />
        </Group>
        <MultiSelect
          label={t('policies.admin.answers')}
          description={t('policies.admin.answersHint')}
          searchable
          searchValue={words}
          onSearchChange={setWords}
          filter={({ options: all }) => all}
          value={answerIds}
          onChange={(ids) => {
            setKnown((before) => ({
              ...before,
              ...Object.fromEntries(ids.map((id) => [id, titles[id] ?? id])),
            }));
            setAnswerIds(ids);
          }}
          data={Object.entries(titles).map(([value, label]) => ({ value, label }))}
          maxValues={20}
        />
        <MultiSelect
          label={t('policies.admin.scripts')}
          searchable
          value={scriptIds}
          onChange={setScriptIds}
          data={(scripts.data?.scripts ?? []).map((script) => ({
            value: script.id,
            label: script.versions[0]?.title ?? script.id,
          }))}
          maxValues={10}
        />
        <Textarea
          label={t('policies.admin.internalNote')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {save.error !== null && (
          <Alert color="red" role="alert">
            {t('policies.admin.failed', { message: errorText(save.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('policies.admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={effectiveFrom === null}>
            {t('policies.admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new campaign for one policy (administrators). */
export function CampaignFormModal({
  policy,
  onClose,
}: {
  policy: Policy | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={policy !== null}
      onClose={onClose}
      size="lg"
      title={t('policies.admin.campaignTitle', { policy: policy?.title ?? '' })}
    >
      {policy !== null && <CampaignForm policy={policy} onDone={onClose} />}
    </Modal>
  );
}

function CampaignForm({ policy, onDone }: { policy: Policy; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const reference = useReferenceData();
  const create = useCreateCampaign();
  const [message, setMessage] = useState(policy.plainSummary);
  const [segments, setSegments] = useState<SegmentCode[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [startsAt, setStartsAt] = useState(() => toDateTimeLocalValue(Date.now()));
  const [endsAt, setEndsAt] = useState('');
  const start = fromDateTimeLocalValue(startsAt);
  const end = endsAt === '' ? null : fromDateTimeLocalValue(endsAt);
  const isEnglish = i18n.language === 'en';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (start === null) return;
        create.mutate(
          {
            policyId: policy.id,
            message,
            segments,
            topics,
            channels,
            startsAt: start,
            endsAt: end,
          },
          { onSuccess: onDone },
        );
      }}
      data-testid="campaign-form"
    >
      <Stack gap="sm">
        <Textarea
          label={t('policies.admin.message')}
          description={t('policies.admin.messageHint')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <MultiSelect
          label={t('policies.admin.segments')}
          value={segments}
          onChange={(v) => setSegments(SEGMENT_CODES.filter((code) => v.includes(code)))}
          data={SEGMENT_CODES.map((code) => ({ value: code, label: t(`segment.${code}`) }))}
        />
        <MultiSelect
          label={t('policies.admin.topics')}
          value={topics}
          onChange={setTopics}
          data={(reference.data?.topics ?? []).map((topic) => ({
            value: topic.code,
            label: isEnglish ? topic.labelEn : topic.labelId,
          }))}
        />
        <MultiSelect
          label={t('policies.admin.channels')}
          value={channels}
          onChange={(v) => setChannels(CHANNELS.filter((code) => v.includes(code)))}
          data={CHANNELS.map((code) => ({ value: code, label: t(`channel.${code}`) }))}
        />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('policies.admin.startsAt')}
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('policies.admin.endsAt')}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
          />
        </Group>
        {create.error !== null && (
          <Alert color="red" role="alert">
            {t('policies.admin.failed', { message: errorText(create.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('policies.admin.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={start === null}>
            {t('policies.admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The campaigns of one policy, with their targets and window; administrators may stop one. */
export function CampaignList({
  campaigns,
  canManage,
}: {
  campaigns: Campaign[];
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stop = useStopCampaign();
  const reference = useReferenceData();
  const isEnglish = i18n.language === 'en';
  const dateOf = (at: number) =>
    new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'medium' }).format(at);
  const topicLabel = (code: string) => {
    const topic = reference.data?.topics.find((x) => x.code === code);
    return topic === undefined ? code : isEnglish ? topic.labelEn : topic.labelId;
  };
  const list = (values: string[], label: (v: string) => string) =>
    values.length === 0 ? t('policies.report.all') : values.map(label).join(', ');
  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={3} size="sm" mb={6}>
        {t('policies.report.campaigns')}
      </Title>
      {campaigns.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('policies.report.noCampaigns')}
        </Text>
      ) : (
        <Stack gap={6}>
          {campaigns.map((campaign) => (
            <Group
              key={campaign.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              data-testid="campaign-row"
            >
              <div>
                <Text size="sm">{campaign.message}</Text>
                <Text size="xs" c="dimmed">
                  {dateOf(campaign.startsAt)}
                  {campaign.endsAt !== null &&
                    ` ${t('policies.report.until', { date: dateOf(campaign.endsAt) })}`}{' '}
                  ·{' '}
                  {t('policies.report.campaignTargets', {
                    segments: list(campaign.segments, (s) => t(`segment.${s as SegmentCode}`)),
                    topics: list(campaign.topics, topicLabel),
                    channels: list(campaign.channels, (c) => t(`channel.${c as Channel}`)),
                  })}
                </Text>
              </div>
              {campaign.stoppedAt !== null ? (
                <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                  {t('policies.admin.stopped')}
                </Badge>
              ) : (
                canManage && (
                  <Button
                    size="xs"
                    variant="default"
                    className="no-print"
                    style={{ flexShrink: 0 }}
                    loading={stop.isPending && stop.variables === campaign.id}
                    onClick={() => stop.mutate(campaign.id)}
                  >
                    {t('policies.admin.stop')}
                  </Button>
                )
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** An editor words a grouped question for the public FAQ (administrators). */
export function PublicQuestionModal({
  policyId,
  draft,
  onClose,
}: {
  policyId: string;
  draft: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const approve = useApprovePublicQuestion();
  const [text, setText] = useState(draft ?? '');
  return (
    <Modal opened={draft !== null} onClose={onClose} title={t('policies.admin.questionTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          approve.mutate({ policyId, text }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('policies.admin.question')}
            description={t('policies.admin.questionHint')}
            required
            maxLength={300}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          {approve.error !== null && (
            <Alert color="red" role="alert">
              {t('policies.admin.failed', { message: errorText(approve.error, t) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('policies.admin.cancel')}
            </Button>
            <Button type="submit" loading={approve.isPending}>
              {t('policies.admin.publishQuestion')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
