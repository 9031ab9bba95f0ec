import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import type { UnitSchema } from '../../../shared/schemas/calendar';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import { verifyAuditLog } from '../audit/repository';
import { loadUnit } from '../calendar/repository';
import type { Services } from '../services';
import { annualReport, annualReportCsv, registerCsv } from './register';

/** Case reads, staff creation, the register and report exports, and the audit check. */
export function registerCaseRoutes(app: FastifyInstance, services: Services): void {
  const { auth, cases, ctx } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staff = ['agent', 'lead', 'admin'] as const;

  api.get(
    endpoints.units.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'Units with their calendars',
        response: { 200: endpoints.units.response },
      },
      onRequest: requireUser(auth),
    },
    async () => {
      const rows = await ctx.db.selectFrom('units').select('id').orderBy('name').execute();
      const units = await Promise.all(rows.map((row) => loadUnit(ctx.db, row.id)));
      return { units: units.filter((unit): unit is z.infer<typeof UnitSchema> => !!unit) };
    },
  );

  api.post(
    endpoints.createCase.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'Open a case; the reference is in the answer (idempotent on commandId)',
        body: endpoints.createCase.body,
        response: { 200: endpoints.createCase.response, 201: endpoints.createCase.response },
      },
      onRequest: requireUser(auth, staff),
    },
    async (request, reply) => {
      const detail = await cases.create(currentUser(request), request.body);
      return reply.status(201).send(detail);
    },
  );

  // Before /api/cases/:caseId, so "register.csv" is not read as an id.
  api.get(
    endpoints.caseRegister.path,
    {
      schema: {
        tags: ['cases'],
        summary: "The request register as CSV (a lead's: their own team's cases)",
        querystring: endpoints.caseRegister.query,
        response: { 200: z.string() },
      },
      onRequest: requireUser(auth, ['lead', 'admin']),
    },
    async (request, reply) => {
      const reader = currentUser(request);
      const csv = await registerCsv(
        ctx.db,
        { ...request.query, timeZone: ctx.config.timeZone },
        (rows) => cases.shownTo(reader, rows),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="register.csv"')
        .send(csv);
    },
  );

  api.get(
    endpoints.caseBoard.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'Open cases, soonest breach first',
        querystring: endpoints.caseBoard.query,
        response: { 200: endpoints.caseBoard.response },
      },
      onRequest: requireUser(auth, [...staff, 'unit']),
    },
    async (request) => ({ cases: await cases.board(currentUser(request), request.query.scope) }),
  );

  api.get(
    endpoints.caseDetail.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'One case with its clocks and hand-offs',
        params: z.object({ caseId: IdSchema }),
        response: { 200: endpoints.caseDetail.response, 404: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, [...staff, 'unit']),
    },
    (request) => cases.detail(currentUser(request), request.params.caseId),
  );

  api.get(
    endpoints.contactCases.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'Cases linked to a contact',
        params: z.object({ contactId: IdSchema }),
        response: { 200: endpoints.contactCases.response },
      },
      onRequest: requireUser(auth, staff),
    },
    async (request) => ({
      cases: await cases.forContact(currentUser(request), request.params.contactId),
    }),
  );

  api.get(
    endpoints.annualReport.path,
    {
      schema: {
        tags: ['cases'],
        summary: 'KIP Ps 12 annual report numbers (format=csv for CSV)',
        querystring: endpoints.annualReport.query,
        response: { 200: z.union([endpoints.annualReport.response, z.string()]) },
      },
      onRequest: requireUser(auth, ['lead', 'admin']),
    },
    async (request, reply) => {
      const report = await annualReport(ctx.db, request.query.year, ctx.config.timeZone);
      if (request.query.format === 'json') return report;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="laporan-informasi-publik-${report.year}.csv"`,
        )
        .send(annualReportCsv(report));
    },
  );

  api.get(
    endpoints.auditVerify.path,
    {
      schema: {
        tags: ['operations'],
        summary: 'Check the audit hash chain (isIntact false names the broken rows)',
        response: { 200: endpoints.auditVerify.response },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    () => verifyAuditLog(ctx.db),
  );
}
