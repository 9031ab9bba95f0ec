import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayManagePolicies, mayReadPolicyReport } from '../../../shared/domain/campaigns';
import { addCalendarDays, dayNumberOf } from '../../../shared/domain/local-date';
import {
  periodOf,
  policyReport,
  type FeedbackFact,
  type QuestionTag,
  type ShareFact,
  type Understanding,
} from '../../../shared/domain/policy-report';
import { fromZoned } from '../../../shared/domain/zoned-time';
import type { Channel, SegmentCode } from '../../../shared/schemas/common';
import type {
  PolicyDigestList,
  PolicyDigestSummary,
  PolicyReport,
  PolicyReportQuery,
} from '../../../shared/schemas/policy';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import { csvLine } from '../cases/register';
import type { ServiceContext } from '../context';
import { loadPolicies, unitIdsOf } from '../policies/repository';

type Db = Kysely<Database>;
const DAY = 86_400_000;
/** A report without `from` covers the four weeks before `to`. */
export const DEFAULT_REPORT_DAYS = 28;

/**
 * Reports for policy owners: shares, understanding and questions per policy, read live from the
 * stored facts and aggregated by the pure `policyReport`; the CSV and the weekly digests are made
 * from the same figures.
 */
export class PolicyReportService {
  constructor(private readonly ctx: ServiceContext) {}

  async report(viewer: User, policyId: string, query: PolicyReportQuery): Promise<PolicyReport> {
    const { db, clock, config } = this.ctx;
    const [policy] = await loadPolicies(db, { ids: [policyId] });
    if (!policy) throw new AppError('not_found', 'No such policy.');
    const unitIds = viewer.role === 'unit' ? await unitIdsOf(db, viewer.id) : [];
    if (!mayReadPolicyReport({ role: viewer.role, unitIds }, policy.unitId)) {
      throw new AppError('forbidden', 'Your role may not read this report.');
    }
    const to = query.to ?? clock.now();
    const from = query.from ?? to - DEFAULT_REPORT_DAYS * DAY;
    const { shares, feedback } = await loadFacts(db, [policyId], from, to);
    const publicQuestions = await db
      .selectFrom('policy_public_questions')
      .select(['id', 'text'])
      .where('policy_id', '=', policyId)
      .orderBy('approved_at')
      .execute();
    return {
      policy,
      from,
      to,
      unit: query.unit,
      timeZone: config.timeZone,
      ...policyReport(shares, feedback, { unit: query.unit, timeZone: config.timeZone }),
      publicQuestions,
    };
  }

  /** The same report as CSV: one section per breakdown, one line per row, spreadsheet-safe. */
  async reportCsv(viewer: User, policyId: string, query: PolicyReportQuery): Promise<string> {
    const report = await this.report(viewer, policyId, query);
    const head = [
      'section',
      'key',
      'contacts',
      'shared',
      'not_shared',
      'feedback',
      'understood',
      'partly',
      'confused',
      'disagrees',
      'understood_rate',
    ];
    const line = (section: string, key: string, f: PolicyReport['totals']) =>
      csvLine([
        section,
        key,
        f.contacts,
        f.shared,
        f.notShared,
        f.feedback,
        f.understanding.understood,
        f.understanding.partly,
        f.understanding.confused,
        f.understanding.disagrees,
        f.understoodRate === null ? '' : f.understoodRate.toFixed(3),
      ]);
    const lines = [
      csvLine(['policy', report.policy.title]),
      csvLine(['owning_unit', report.policy.unitName]),
      csvLine(['from', new Date(report.from).toISOString()]),
      csvLine(['to', new Date(report.to).toISOString()]),
      '',
      csvLine(head),
      line('total', '', report.totals),
      ...report.periods.map((p) => line(report.unit, p.period, p)),
      ...report.bySegment.map((s) => line('segment', s.segment, s)),
      ...report.byChannel.map((c) => line('channel', c.channel, c)),
      '',
      csvLine(['question_tag', 'count']),
      ...report.questionTags.map((t) => csvLine([t.tag, t.count])),
      '',
      csvLine(['question', 'count', 'tag', 'first_asked', 'last_asked']),
      ...report.questionGroups.map((g) =>
        csvLine([
          g.text,
          g.count,
          g.tag,
          new Date(g.firstAskedAt).toISOString(),
          new Date(g.lastAskedAt).toISOString(),
        ]),
      ),
    ];
    return `${lines.join('\r\n')}\r\n`;
  }

  /** An editor's wording of a question, for the public FAQ. */
  async approvePublicQuestion(
    editor: User,
    policyId: string,
    text: string,
  ): Promise<{ id: string; text: string }> {
    if (!mayManagePolicies(editor.role)) {
      throw new AppError('forbidden', 'Only administrators publish questions.');
    }
    const { db, clock } = this.ctx;
    const policy = await db
      .selectFrom('policies')
      .select('id')
      .where('id', '=', policyId)
      .executeTakeFirst();
    if (!policy) throw new AppError('not_found', 'No such policy.');
    const id = randomUUID();
    await db
      .insertInto('policy_public_questions')
      .values({
        id,
        policy_id: policyId,
        text,
        answer_id: null,
        approved_by: editor.id,
        approved_at: clock.now(),
      })
      .execute();
    return { id, text };
  }

  /** Digests the viewer may download, newest first. */
  async digests(viewer: User): Promise<PolicyDigestList> {
    const { db } = this.ctx;
    let query = db
      .selectFrom('policy_digests as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .selectAll('d')
      .select('u.name as unit_name')
      .orderBy('d.week_start', 'desc')
      .orderBy('u.name')
      .limit(100);
    if (viewer.role === 'unit') {
      const units = await unitIdsOf(db, viewer.id);
      if (units.length === 0) return { digests: [] };
      query = query.where('d.unit_id', 'in', units);
    } else if (viewer.role !== 'admin' && viewer.role !== 'lead') {
      throw new AppError('forbidden', 'Your role may not read digests.');
    }
    const rows = await query.execute();
    return {
      digests: rows.map((row) => ({
        id: row.id,
        unitId: row.unit_id,
        unitName: row.unit_name,
        weekStart: row.week_start,
        generatedAt: Number(row.generated_at),
        policies: (JSON.parse(row.content) as { policies: PolicyDigestSummary['policies'] })
          .policies,
      })),
    };
  }

  /**
   * Makes last week's digest for every unit owning a published policy, once: the unique (unit,
   * week) row is the claim, so several nodes running this at once write one digest each.
   * Returns how many this call wrote.
   */
  async generateDueDigests(): Promise<number> {
    const { db, clock, config } = this.ctx;
    const now = clock.now();
    const thisWeek = periodOf(now, 'week', config.timeZone);
    const weekStart = addCalendarDays(thisWeek, -7);
    const from = fromZoned(dayNumberOf(weekStart), 0, config.timeZone);
    const to = fromZoned(dayNumberOf(thisWeek), 0, config.timeZone);
    const owners = await db
      .selectFrom('policies')
      .select('unit_id')
      .distinct()
      .where('status', '=', 'published')
      .execute();
    const done = await db
      .selectFrom('policy_digests')
      .select('unit_id')
      .where('week_start', '=', weekStart)
      .execute();
    const doneUnits = new Set(done.map((d) => d.unit_id));
    let written = 0;
    for (const { unit_id: unitId } of owners) {
      if (doneUnits.has(unitId)) continue;
      const policies = await loadPolicies(db, { unitIds: [unitId], status: 'published' });
      const { shares, feedback } = await loadFacts(
        db,
        policies.map((p) => p.id),
        from,
        to,
      );
      const content = {
        policies: policies.map((policy) => {
          const figures = policyReport(
            shares.filter((s) => s.policyId === policy.id),
            feedback.filter((f) => f.policyId === policy.id),
            { unit: 'week', timeZone: config.timeZone, maxGroups: 5 },
          );
          return {
            policyId: policy.id,
            title: policy.title,
            totals: figures.totals,
            topQuestions: figures.questionGroups.map((g) => ({ text: g.text, count: g.count })),
          };
        }),
      };
      const result = await db
        .insertInto('policy_digests')
        .values({
          id: randomUUID(),
          unit_id: unitId,
          week_start: weekStart,
          generated_at: now,
          content: JSON.stringify(content),
        })
        .onConflict((oc) => oc.columns(['unit_id', 'week_start']).doNothing())
        .executeTakeFirst();
      written += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return written;
  }

  async digestCsv(viewer: User, id: string): Promise<{ name: string; csv: string }> {
    const { digests } = await this.digests(viewer);
    const digest = digests.find((d) => d.id === id);
    if (!digest) throw new AppError('not_found', 'No such digest.');
    const lines = [
      csvLine(['unit', digest.unitName]),
      csvLine(['week_start', digest.weekStart]),
      '',
      csvLine(['policy', 'contacts', 'shared', 'not_shared', 'feedback', 'understood_rate']),
      ...digest.policies.map((p) =>
        csvLine([
          p.title,
          p.totals.contacts,
          p.totals.shared,
          p.totals.notShared,
          p.totals.feedback,
          p.totals.understoodRate === null ? '' : p.totals.understoodRate.toFixed(3),
        ]),
      ),
      '',
      csvLine(['policy', 'question', 'count']),
      ...digest.policies.flatMap((p) =>
        p.topQuestions.map((q) => csvLine([p.title, q.text, q.count])),
      ),
    ];
    return {
      name: `digest-${digest.unitId}-${digest.weekStart}.csv`,
      csv: `${lines.join('\r\n')}\r\n`,
    };
  }
}

/** Share marks and feedback of these policies in [from, to). */
export async function loadFacts(
  db: Db,
  policyIds: readonly string[],
  from: number,
  to: number,
): Promise<{ shares: ShareFact[]; feedback: FeedbackFact[] }> {
  if (policyIds.length === 0) return { shares: [], feedback: [] };
  const [shareRows, feedbackRows] = await Promise.all([
    db
      .selectFrom('policy_shares')
      .selectAll()
      .where('policy_id', 'in', policyIds)
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute(),
    db
      .selectFrom('policy_feedback')
      .selectAll()
      .where('policy_id', 'in', policyIds)
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute(),
  ]);
  return {
    shares: shareRows.map((r) => ({
      policyId: r.policy_id,
      contactId: r.contact_id,
      at: Number(r.at),
      segment: r.segment as SegmentCode,
      channel: r.channel as Channel,
      isShared: r.is_shared === 1,
    })),
    feedback: feedbackRows.map((r) => ({
      policyId: r.policy_id,
      contactId: r.contact_id,
      at: Number(r.at),
      segment: r.segment as SegmentCode,
      channel: r.channel as Channel,
      understanding: r.understanding as Understanding,
      question: r.question,
      tag: r.tag as QuestionTag | null,
    })),
  };
}
