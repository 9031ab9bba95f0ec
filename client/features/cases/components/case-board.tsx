import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/schemas/case';
import type { User } from '../../../../shared/schemas/user';
import { deadlineColor, formatLongDuration } from '../../../components/deadline-countdown';
import { localeFor } from '../../../i18n';
import { errorText } from '../../../lib/error-text';
import { useServerNow } from '../../../stores/use-server-now';
import { useCaseBoard, type BoardScope } from '../api/case-queries';
import { CaseDetailView } from './case-panel';

function DueCell({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const now = useServerNow();
  if (summary.nextDueAt === null) return <span>—</span>;
  const left = summary.nextDueAt - now;
  const color = deadlineColor(summary.receivedAt, summary.nextDueAt, now);
  // A plain span, like the rest of a board row (rendered thousands of times while scrolling).
  return (
    <span style={{ fontWeight: 700, color: `var(--mantine-color-${color}-8)` }} data-color={color}>
      {left > 0
        ? t('cases.dueIn', { duration: formatLongDuration(left, t) })
        : t('cases.overdue', { duration: formatLongDuration(-left, t) })}
    </span>
  );
}

interface CaseTableProps {
  cases: CaseSummary[];
  compact: boolean;
  openId: string | null;
  onToggle: (caseId: string) => void;
}

/** Up to this many rows render as a plain table (printable, findable with Ctrl+F). */
const PLAIN_TABLE_MAX_ROWS = 200;
/** Virtual rows have one fixed height, so scrolling never waits for a row to be measured. */
const ROW_PX = 30;

function CaseTable(props: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const count = (
    <Text size="xs" c="dimmed" data-testid="case-board-count">
      {t('cases.board.count', {
        total: new Intl.NumberFormat(localeFor(i18n.language)).format(props.cases.length),
      })}
    </Text>
  );
  if (props.cases.length <= PLAIN_TABLE_MAX_ROWS) {
    return (
      <>
        {count}
        <Table striped highlightOnHover withTableBorder fz="xs" verticalSpacing={4}>
          <CaseTableHead compact={props.compact} />
          <Table.Tbody>
            {props.cases.map((summary) => (
              <CaseRow
                key={summary.id}
                summary={summary}
                compact={props.compact}
                isOpen={props.openId === summary.id}
                onToggle={props.onToggle}
              />
            ))}
          </Table.Tbody>
        </Table>
      </>
    );
  }
  return (
    <>
      {count}
      <VirtualCaseTable {...props} />
    </>
  );
}

/**
 * A board of thousands of open cases keeps only the rows in view (plus a margin) in the page, so
 * scrolling stays smooth on an office PC; spacer rows keep the scrollbar true to the whole list.
 */
function VirtualCaseTable(props: CaseTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Nothing memoises this component; the virtualizer re-renders it itself as the list scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
    getItemKey: (index) => props.cases[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <Box
      ref={scrollRef}
      mah="70vh"
      style={{ overflowY: 'auto', contain: 'strict', height: '70vh' }}
      data-testid="case-board-scroll"
    >
      <Table
        striped
        highlightOnHover
        withTableBorder
        stickyHeader
        fz="xs"
        verticalSpacing={4}
        aria-rowcount={props.cases.length + 1}
      >
        <CaseTableHead compact={props.compact} />
        <Table.Tbody>
          {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
          {items.map((item) => (
            <CaseRow
              key={item.key}
              summary={props.cases[item.index]!}
              rowIndex={item.index}
              compact={props.compact}
              isOpen={props.openId === props.cases[item.index]!.id}
              onToggle={props.onToggle}
            />
          ))}
          {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function CaseTableHead({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('cases.board.reference')}</Table.Th>
        {!compact && <Table.Th>{t('cases.board.type')}</Table.Th>}
        <Table.Th>{t('cases.board.status')}</Table.Th>
        <Table.Th>{t('cases.board.due')}</Table.Th>
        {!compact && <Table.Th>{t('cases.board.owner')}</Table.Th>}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A plain button: a board row is rendered thousands of times while scrolling, so it stays cheap. */
const REFERENCE_BUTTON_STYLE = {
  // Not `all: unset`: the browser's focus ring must stay for keyboard users.
  background: 'none',
  border: 0,
  padding: 0,
  color: 'inherit',
  fontSize: 'inherit',
  cursor: 'pointer',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontWeight: 700,
  textDecoration: 'underline',
} as const;

interface CaseRowProps {
  summary: CaseSummary;
  compact: boolean;
  isOpen: boolean;
  onToggle: (caseId: string) => void;
  /** Set in the virtual table: the row's place in the whole list, for screen readers. */
  rowIndex?: number;
}

/** Memoised: while a long board scrolls, rows that stay in view are not rendered again. */
const CaseRow = memo(function CaseRow({
  summary,
  compact,
  isOpen,
  onToggle,
  rowIndex,
}: CaseRowProps) {
  const { t } = useTranslation();
  const isVirtual = rowIndex !== undefined;
  return (
    <Table.Tr
      data-testid={`case-row-${summary.reference}`}
      aria-rowindex={isVirtual ? rowIndex + 2 : undefined}
      style={isVirtual ? { height: ROW_PX, whiteSpace: 'nowrap' } : undefined}
    >
      <Table.Td>
        <button
          type="button"
          style={REFERENCE_BUTTON_STYLE}
          onClick={() => onToggle(summary.id)}
          aria-label={t('cases.board.open', { reference: summary.reference })}
          aria-expanded={isOpen}
        >
          {summary.reference}
        </button>
        {summary.isBreached && (
          <Badge color="red" size="xs" ml={4}>
            {t('cases.breached')}
          </Badge>
        )}
      </Table.Td>
      {!compact && <Table.Td>{t(`cases.type.${summary.type}`)}</Table.Td>}
      <Table.Td>{t(`cases.status.${summary.status}`)}</Table.Td>
      <Table.Td>
        <DueCell summary={summary} />
      </Table.Td>
      {!compact && <Table.Td>{summary.ownerName}</Table.Td>}
    </Table.Tr>
  );
});

/** A lead's "all" holds their own team's cases only, and says so. */
function scopeLabel(scope: BoardScope, user: User, t: TFunction): string {
  if (scope === 'all' && user.role === 'lead') return t('cases.board.team');
  return t(`cases.board.${scope}`);
}

/**
 * The follow-up board: open cases, the one closest to breaching first (the server sorts); a row
 * opens the case below the table. Agents see theirs, unit staff their unit's; leads theirs or
 * their team's (the server's "all" is a lead's own team), administrators theirs or every case.
 */
export function CaseBoard({ user, compact = false }: { user: User; compact?: boolean }) {
  const { t } = useTranslation();
  const scopes: BoardScope[] =
    user.role === 'unit' ? ['unit'] : user.role === 'agent' ? ['mine'] : ['all', 'mine'];
  const [scope, setScope] = useState<BoardScope>(scopes[0]!);
  const board = useCaseBoard(scope);
  const [openId, setOpenId] = useState<string | null>(null);
  const toggle = useCallback(
    (caseId: string) => setOpenId((current) => (current === caseId ? null : caseId)),
    [],
  );

  return (
    <Stack gap="xs" data-testid="case-board">
      <Group justify="space-between">
        <Text fw={650} size="sm" component="h2" m={0}>
          {t('cases.board.title')}
        </Text>
        {scopes.length > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t('cases.board.scope')}
            value={scope}
            onChange={(value) => setScope(value as BoardScope)}
            data={scopes.map((value) => ({ value, label: scopeLabel(value, user, t) }))}
          />
        )}
      </Group>
      {(user.role === 'lead' || user.role === 'admin') && (
        <Group gap="md">
          <Anchor
            size="xs"
            href="/api/cases/register.csv"
            download
            data-testid="case-register-export"
          >
            {t('cases.board.exportRegister')}
          </Anchor>
          <Anchor
            size="xs"
            href={`/api/reports/public-information?year=${new Date().getFullYear()}&format=csv`}
            download
            data-testid="case-report-export"
          >
            {t('cases.board.exportReport', { year: new Date().getFullYear() })}
          </Anchor>
        </Group>
      )}
      {board.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {board.isError && (
        <Alert color="red">{t('cases.loadFailed', { message: errorText(board.error, t) })}</Alert>
      )}
      {board.data?.cases.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cases.board.empty')}
        </Text>
      )}
      {board.data !== undefined && board.data.cases.length > 0 && (
        <CaseTable cases={board.data.cases} compact={compact} openId={openId} onToggle={toggle} />
      )}
      {openId !== null && (
        <Box>
          <CaseDetailView caseId={openId} user={user} />
        </Box>
      )}
    </Stack>
  );
}
