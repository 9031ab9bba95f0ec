import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconExternalLink, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNDERSTANDING_LEVELS, type Understanding } from '../../../../shared/domain/policy-report';
import type { Policy, PolicyReport, SliceFiguresView } from '../../../../shared/schemas/policy';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { addScreenStrings, localeFor } from '../../../i18n';
import { errorText } from '../../../lib/error-text';
import {
  digestCsvUrl,
  reportCsvUrl,
  useCatalog,
  useDigests,
  usePolicyReport,
  type ReportRange,
} from '../api/policy-queries';
import { useCampaigns, usePolicyTransition } from '../api/policy-commands';
import { usePolicyFacts } from '../hooks/use-policy-facts';
import {
  CampaignFormModal,
  CampaignList,
  PolicyFormModal,
  PublicQuestionModal,
} from './policy-admin';
import { policiesScreenId } from '../../../i18n/policies-screen-id';

addScreenStrings({ policies: policiesScreenId });

const LEVEL_COLOURS: Record<Understanding, string> = {
  understood: 'var(--mantine-color-green-6)',
  partly: 'var(--mantine-color-yellow-5)',
  confused: 'var(--mantine-color-orange-6)',
  disagrees: 'var(--mantine-color-red-7)',
};

/** Prints the report alone: everything else on the page is hidden, and nothing clips it. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden; }
  .policy-report, .policy-report * { visibility: visible; }
  .policy-report { position: absolute; inset: 0 auto auto 0; width: 100%; }
  .policy-report .no-print { display: none !important; }
  .policy-scroll { overflow: visible !important; height: auto !important; }
}`;

function percent(rate: number | null, t: (key: 'policies.report.noRate') => string): string {
  return rate === null ? t('policies.report.noRate') : `${Math.round(rate * 100)}%`;
}

/** Understanding as a stacked bar, with the counts in words beside it (never colour alone). */
function UnderstandingBar({ figures }: { figures: SliceFiguresView }) {
  const { t } = useTranslation();
  const total = figures.feedback;
  const words = UNDERSTANDING_LEVELS.map(
    (level) => `${t(`policies.feedback.levels.${level}`)} ${figures.understanding[level]}`,
  ).join(' · ');
  return (
    <Group gap={6} wrap="nowrap">
      <Box
        style={{
          display: 'flex',
          width: 140,
          height: 10,
          borderRadius: 4,
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-2)',
          flex: '0 0 140px',
        }}
        aria-hidden
      >
        {total > 0 &&
          UNDERSTANDING_LEVELS.map((level) => (
            <div
              key={level}
              style={{
                width: `${(figures.understanding[level] / total) * 100}%`,
                background: LEVEL_COLOURS[level],
              }}
            />
          ))}
      </Box>
      <Text size="xs" c="dimmed">
        {total === 0 ? '—' : words}
      </Text>
    </Group>
  );
}

function SliceTable({
  caption,
  keyLabel,
  rows,
}: {
  caption: string;
  keyLabel: string;
  rows: { key: string; label: string; figures: SliceFiguresView }[];
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={3} size="sm" mb={6}>
        {caption}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('policies.report.empty')}
        </Text>
      ) : (
        <Table striped withRowBorders={false} fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{keyLabel}</Table.Th>
              <Table.Th ta="right">{t('policies.report.contacts')}</Table.Th>
              <Table.Th ta="right">{t('policies.report.shared')}</Table.Th>
              <Table.Th ta="right">{t('policies.report.feedback')}</Table.Th>
              <Table.Th ta="right">{t('policies.report.understoodRate')}</Table.Th>
              <Table.Th>{t('policies.feedback.understanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="report-row" data-key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td ta="right">{row.figures.contacts}</Table.Td>
                <Table.Td ta="right">
                  {row.figures.shared}
                  {row.figures.notShared > 0 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (−{row.figures.notShared})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{row.figures.feedback}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {percent(row.figures.understoodRate, t)}
                </Table.Td>
                <Table.Td>
                  <UnderstandingBar figures={row.figures} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function ReportView({
  report,
  onPublishQuestion,
}: {
  report: PolicyReport;
  /** Administrators: word a grouped question for the public FAQ. */
  onPublishQuestion?: ((text: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const dateOf = (at: number) =>
    new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'medium' }).format(at);
  const { totals } = report;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={5} spacing="xs">
        <Stat
          label={t('policies.report.contacts')}
          value={String(totals.contacts)}
          testId="stat-contacts"
        />
        <Stat
          label={t('policies.report.shared')}
          value={String(totals.shared)}
          testId="stat-shared"
        />
        <Stat
          label={t('policies.report.notShared')}
          value={String(totals.notShared)}
          testId="stat-not-shared"
        />
        <Stat
          label={t('policies.report.feedback')}
          value={String(totals.feedback)}
          testId="stat-feedback"
        />
        <Stat
          label={t('policies.report.understoodRate')}
          value={percent(totals.understoodRate, t)}
          testId="stat-understood"
        />
      </SimpleGrid>
      <SliceTable
        caption={t('policies.report.overTime')}
        keyLabel={t('policies.report.period')}
        rows={report.periods.map((p) => ({
          key: p.period,
          label: dateOf(Date.parse(`${p.period}T00:00:00Z`)),
          figures: p,
        }))}
      />
      <Stack gap="sm">
        <SliceTable
          caption={t('policies.report.bySegment')}
          keyLabel={t('policies.report.segment')}
          rows={report.bySegment.map((s) => ({
            key: s.segment,
            label: t(`segment.${s.segment}`),
            figures: s,
          }))}
        />
        <SliceTable
          caption={t('policies.report.byChannel')}
          keyLabel={t('policies.report.channel')}
          rows={report.byChannel.map((c) => ({
            key: c.channel,
            label: t(`channel.${c.channel}`),
            figures: c,
          }))}
        />
      </Stack>
      <SimpleGrid cols={2} spacing="sm">
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="sm" mb={6}>
            {t('policies.report.topQuestions')}
          </Title>
          {report.questionGroups.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('policies.report.empty')}
            </Text>
          ) : (
            <Stack gap={6} component="ol" style={{ paddingLeft: 18, margin: 0 }}>
              {report.questionGroups.map((group) => (
                <li key={`${group.text}-${group.firstAskedAt}`} data-testid="report-question">
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="sm" variant="light" style={{ flex: '0 0 auto' }}>
                      {t('policies.report.asked', { count: group.count })}
                    </Badge>
                    <div style={{ flex: 1 }}>
                      <Text size="sm">{group.text}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`policies.report.tags.${group.tag}`)}
                      </Text>
                    </div>
                    {onPublishQuestion !== undefined && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        className="no-print"
                        onClick={() => onPublishQuestion(group.text)}
                      >
                        {t('policies.admin.publishQuestion')}
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="sm" radius="sm">
          <Title order={3} size="sm" mb={6}>
            {t('policies.report.questionsByTag')}
          </Title>
          {report.questionTags.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('policies.report.empty')}
            </Text>
          ) : (
            <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {report.questionTags.map((tag) => (
                  <Table.Tr key={tag.tag}>
                    <Table.Td>{t(`policies.report.tags.${tag.tag}`)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {tag.count}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={3} size="sm" mt="md" mb={6}>
            {t('policies.report.publicQuestions')}
          </Title>
          <Stack gap={2} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
            {report.publicQuestions.map((q) => (
              <Text component="li" size="sm" key={q.id}>
                {q.text}
              </Text>
            ))}
          </Stack>
          <Anchor
            href="/faq"
            target="_blank"
            rel="noopener"
            size="sm"
            className="no-print"
            mt={6}
            display="inline-flex"
            style={{ alignItems: 'center', gap: 4 }}
          >
            {t('policies.report.publicFaq')} <IconExternalLink size={14} aria-hidden />
          </Anchor>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function Digests() {
  const { t } = useTranslation();
  const digests = useDigests();
  const list = digests.data?.digests ?? [];
  return (
    <Stack gap={4} className="no-print">
      <Text size="sm" fw={650}>
        {t('policies.report.digests')}
      </Text>
      {list.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('policies.report.noDigests')}
        </Text>
      ) : (
        list.map((digest) => (
          <Anchor key={digest.id} href={digestCsvUrl(digest.id)} size="xs" download>
            {t('policies.report.digestWeek', { week: digest.weekStart, unit: digest.unitName })}
          </Anchor>
        ))
      )}
    </Stack>
  );
}

const RANGES = [7, 28, 90] as const;

/**
 * For policy owners (administrators, leads, and the staff of the owning unit): the catalog on the
 * left, the selected policy's report on the right — shares, understanding over time, by segment
 * and channel, the most asked questions — updated live, downloadable as CSV and printable.
 */
export function PoliciesScreen({ frame }: { frame: FrameProps }) {
  const { t, i18n } = useTranslation();
  usePolicyFacts();
  const catalog = useCatalog();
  const policies = catalog.data?.policies ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [range, setRange] = useState<ReportRange>({ days: 28, unit: 'day' });
  const policyId = selectedId ?? policies[0]?.id ?? null;
  const report = usePolicyReport(policyId, range);
  const selected: Policy | undefined = policies.find((p) => p.id === policyId);
  const { role } = frame.user;
  const canManage = role === 'admin';
  const campaigns = useCampaigns(role === 'admin' || role === 'lead');
  const transition = usePolicyTransition();
  const [editing, setEditing] = useState<Policy | null | 'new'>(null);
  const [campaignFor, setCampaignFor] = useState<Policy | null>(null);
  const [questionDraft, setQuestionDraft] = useState<string | null>(null);
  const dateOf = (at: number) =>
    new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'long' }).format(at);

  return (
    <AppFrame frame={frame}>
      <style>{PRINT_CSS}</style>
      <Box style={{ display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', height: '100%' }}>
        <Box
          component="nav"
          aria-label={t('policies.report.catalog')}
          className="policy-scroll"
          bg="gray.0"
          p="sm"
          style={{ overflowY: 'auto', borderRight: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group justify="space-between" mb="xs">
            <Title order={2} size="sm" c="dimmed">
              {t('policies.report.catalog')}
            </Title>
            {canManage && (
              <Button size="compact-xs" onClick={() => setEditing('new')} data-testid="policy-new">
                {t('policies.admin.newPolicy')}
              </Button>
            )}
          </Group>
          {catalog.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {policies.map((policy) => (
            <NavLink
              key={policy.id}
              active={policy.id === policyId}
              label={policy.title}
              description={policy.unitName}
              onClick={() => setSelectedId(policy.id)}
              rightSection={
                <Badge
                  size="xs"
                  variant="light"
                  color={policy.status === 'published' ? 'teal' : 'gray'}
                >
                  {t(`policies.report.status.${policy.status}`)}
                </Badge>
              }
              data-testid="policy-item"
              data-policy-id={policy.id}
            />
          ))}
          <Box mt="md">
            <Digests />
          </Box>
        </Box>
        <Box className="policy-scroll" p="md" style={{ overflowY: 'auto' }}>
          {selected === undefined ? (
            <Center h={200}>
              <Text c="dimmed">{t('policies.report.pick')}</Text>
            </Center>
          ) : (
            <Stack gap="sm" className="policy-report" data-testid="policy-report">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={2} size="h4">
                    {selected.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('policies.report.owner', { unit: selected.unitName })} ·{' '}
                    {t('policies.report.effective', { date: dateOf(selected.effectiveFrom) })}
                  </Text>
                  <Text size="sm" mt={4} maw={720}>
                    {selected.plainSummary}
                  </Text>
                  {selected.answers.length + selected.scripts.length > 0 && (
                    <Text size="xs" c="dimmed" mt={4} maw={720} data-testid="policy-links">
                      {t('policies.report.links', {
                        items: [
                          ...selected.answers.map((a) => a.title),
                          ...selected.scripts.map((x) => x.title),
                        ].join(' · '),
                      })}
                    </Text>
                  )}
                </div>
                <Stack gap={6} align="flex-end" className="no-print">
                  <Badge color="teal" variant="dot">
                    {t('policies.report.live')}
                  </Badge>
                  {canManage && (
                    <Group gap={6}>
                      <Button size="xs" variant="default" onClick={() => setEditing(selected)}>
                        {t('policies.admin.edit')}
                      </Button>
                      {selected.status === 'draft' && (
                        <Button
                          size="xs"
                          loading={transition.isPending}
                          onClick={() => transition.mutate({ id: selected.id, to: 'published' })}
                        >
                          {t('policies.admin.publish')}
                        </Button>
                      )}
                      {selected.status === 'published' && (
                        <>
                          <Button
                            size="xs"
                            onClick={() => setCampaignFor(selected)}
                            data-testid="campaign-new"
                          >
                            {t('policies.admin.newCampaign')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={transition.isPending}
                            onClick={() => transition.mutate({ id: selected.id, to: 'retired' })}
                          >
                            {t('policies.admin.retire')}
                          </Button>
                        </>
                      )}
                    </Group>
                  )}
                </Stack>
              </Group>
              <Group gap="sm" className="no-print">
                <SegmentedControl
                  size="xs"
                  aria-label={t('policies.report.range')}
                  value={String(range.days)}
                  onChange={(value) => setRange({ ...range, days: Number(value) })}
                  data={RANGES.map((days) => ({
                    value: String(days),
                    label: t('policies.report.days', { count: days }),
                  }))}
                />
                <SegmentedControl
                  size="xs"
                  aria-label={t('policies.report.unit')}
                  value={range.unit}
                  onChange={(value) =>
                    setRange({ ...range, unit: value === 'week' ? 'week' : 'day' })
                  }
                  data={[
                    { value: 'day', label: t('policies.report.units.day') },
                    { value: 'week', label: t('policies.report.units.week') },
                  ]}
                />
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={reportCsvUrl(selected.id, range)}
                  download
                  leftSection={<IconDownload size={14} aria-hidden />}
                  data-testid="report-csv"
                >
                  {t('policies.report.csv')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => window.print()}
                  leftSection={<IconPrinter size={14} aria-hidden />}
                  data-testid="report-print"
                >
                  {t('policies.report.print')}
                </Button>
              </Group>
              {report.isError && (
                <Alert color="red" role="alert">
                  {errorText(report.error, t)}
                </Alert>
              )}
              {report.data === undefined ? (
                <Loader size="sm" aria-label={t('app.loading')} />
              ) : (
                <ReportView
                  report={report.data}
                  onPublishQuestion={canManage ? setQuestionDraft : undefined}
                />
              )}
              {campaigns.data !== undefined && (
                <CampaignList
                  campaigns={campaigns.data.campaigns.filter((c) => c.policyId === selected.id)}
                  canManage={canManage}
                />
              )}
            </Stack>
          )}
        </Box>
      </Box>
      <PolicyFormModal
        opened={editing !== null}
        policy={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <CampaignFormModal policy={campaignFor} onClose={() => setCampaignFor(null)} />
      {selected !== undefined && (
        <PublicQuestionModal
          key={questionDraft ?? ''}
          policyId={selected.id}
          draft={questionDraft}
          onClose={() => setQuestionDraft(null)}
        />
      )}
    </AppFrame>
  );
}
