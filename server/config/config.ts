import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  DEFAULT_CASE_REFERENCE_FORMAT,
  referenceFormatProblem,
} from '../../shared/domain/case-reference';
import type { Channel } from '../../shared/schemas/common';

const booleanSwitch = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    /** PostgreSQL connections per node; N nodes use up to N times this (mind max_connections). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(25),
    /** PostgreSQL schema to use (tests run each in a fresh one). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
      .optional(),
    DEMO: booleanSwitch.default(true),
    SIMULATOR: booleanSwitch.optional(),
    SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(200).default(20_000),
    ADMIN_USERNAME: z.string().min(3).max(64).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(256).optional(),
    INBOUND_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    ORG_CODE: z
      .string()
      .regex(/^[A-Z0-9]{2,10}$/, 'must be 2-10 upper-case letters or digits')
      .default('TGP'),
    TIME_ZONE: z.string().default('Asia/Jakarta'),
    /** Length of the live metrics' current interval; intervals start at local midnight. */
    METRICS_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(1440)
      .refine((minutes) => 1440 % minutes === 0, 'must divide a day (1440): 15, 30, 60, …')
      .default(30),
    OFFER_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
    MISSED_OFFERS_LIMIT: z.coerce.number().int().min(1).default(3),
    DECLINE_COOLDOWN_MS: z.coerce.number().int().min(0).default(60_000),
    PRESENCE_GRACE_MS: z.coerce.number().int().min(0).default(15_000),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    COOKIE_SECURE: booleanSwitch.default(false),
    TRUST_PROXY: booleanSwitch.default(false),
    OUTBOUND_WEBHOOK_URL: z.url().optional(),
    OUTBOUND_WEBHOOK_URL_SMS: z.url().optional(),
    OUTBOUND_WEBHOOK_URL_WHATSAPP: z.url().optional(),
    OUTBOUND_WEBHOOK_URL_WEBCHAT: z.url().optional(),
    OUTBOUND_WEBHOOK_URL_EMAIL: z.url().optional(),
    OUTBOUND_WEBHOOK_URL_SOCIAL: z.url().optional(),
    OUTBOUND_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    OUTBOUND_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CLIENT_DIR: z.string().default('./dist/client'),
    /** Case reference format; tokens {BODY} {TYPE} {YYYYMMDD} {YYYY} {MM} {DD} {SEQn}. */
    CASE_REFERENCE_FORMAT: z
      .string()
      .superRefine((format, ctx) => {
        const problem = referenceFormatProblem(format);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_CASE_REFERENCE_FORMAT),
    /** {BODY} in case references; ORG_CODE when unset. */
    CASE_BODY_CODE: z
      .string()
      .regex(/^[A-Z0-9]{2,10}$/, 'must be 2-10 upper-case letters or digits')
      .optional(),
    /** A unit that neither acknowledges nor returns a hand-off in this time bounces it back. */
    HANDOFF_ACK_MINUTES: z.coerce.number().positive().default(240),
    /** How often clocks, hand-offs and escalations are checked. */
    CASE_SCAN_MS: z.coerce.number().int().min(50).default(5000),
    /** How often the weekly policy digests are looked for (and made once a week has ended). */
    /** The organisation named on the public FAQ page and its feeds. */
    PUBLIC_FAQ_ORGANISATION: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .default('Pusat Kontak Layanan Publik'),
    /** Requests per minute, address and page (`/faq`, each feed): search runs full text. */
    PUBLIC_FAQ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    POLICY_DIGEST_SCAN_MS: z.coerce.number().int().min(50).default(60_000),
    /** Who a breach escalates to, in order: owner, lead, unit, unit_head, admin. */
    CASE_ESCALATION_CHAIN: z
      .string()
      .transform((text) => text.split(',').map((part) => part.trim()))
      .pipe(z.array(z.enum(['owner', 'lead', 'unit', 'unit_head', 'admin'])).min(1))
      .default(['owner', 'lead', 'unit_head', 'admin']),
    /** Time between one escalation link and the next while the breach lasts. */
    CASE_ESCALATION_STEP_MINUTES: z.coerce
      .number()
      .positive()
      .default(24 * 60),
    /** Shares rooms and broadcasts between nodes through Redis streams. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    /** Prefix of this deployment's Redis keys (several deployments or test runs on one Redis). */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'must be 1-64 letters, digits or _ : . -')
      .default('tanggap'),
    /** This node's name in logs, metrics and the node table; random when unset. */
    NODE_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits or _ . -')
      .optional(),
    /** How often a node tells the others it is alive. */
    NODE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(2000),
    /** A node silent this long is dead: its agents' connections no longer count. */
    NODE_EXPIRY_MS: z.coerce.number().int().min(300).default(10_000),
    /** On SIGTERM, commands already started get this long to finish before sockets close. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(10_000),
    /** Bearer token for /metrics from other hosts; without it only loopback may scrape. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.DEMO && (!env.ADMIN_USERNAME || !env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_USERNAME'],
        message: 'with DEMO=off, ADMIN_USERNAME and ADMIN_PASSWORD create the first administrator',
      });
    }
    const hasOutbound = Object.keys(env).some(
      (key) => key.startsWith('OUTBOUND_WEBHOOK_URL') && env[key as keyof typeof env],
    );
    if (hasOutbound && !env.OUTBOUND_WEBHOOK_SECRET && !env.DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTBOUND_WEBHOOK_SECRET'],
        message: 'outbound webhooks need a secret to sign their requests (at least 16 characters)',
      });
    }
    if (env.NODE_EXPIRY_MS <= env.NODE_HEARTBEAT_MS * 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['NODE_EXPIRY_MS'],
        message:
          'must be more than twice NODE_HEARTBEAT_MS, or a slow heartbeat looks like a death',
      });
    }
    if (!env.DEMO && !env.INBOUND_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['INBOUND_API_KEY'],
        message: 'with DEMO=off, set INBOUND_API_KEY (at least 16 characters) for channel webhooks',
      });
    }
  });

/** The demo signing secret for outbound webhooks; refused when DEMO=off. */
export const DEMO_OUTBOUND_WEBHOOK_SECRET = 'demo-outbound-secret-tanggap';

/** The demo key; printed at start and in the README, refused when DEMO=off. */
export const DEMO_INBOUND_API_KEY = 'demo-inbound-key-tanggap';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  databasePoolSize: number;
  isDemo: boolean;
  isSimulatorOn: boolean;
  simulatorIntervalMs: number;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  inboundApiKey: string;
  orgCode: string;
  timeZone: string;
  /** Minutes per metrics interval, a divisor of 1440. */
  metricsIntervalMinutes: number;
  offerTimeoutMs: number;
  missedOffersLimit: number;
  declineCooldownMs: number;
  presenceGraceMs: number;
  sessionTtlMs: number;
  loginRateLimitPerMinute: number;
  isCookieSecure: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  isBehindProxy: boolean;
  /** Outbound webhook per text channel; a channel without one is served by the simulator, if on. */
  outboundWebhooks: Partial<Record<Exclude<Channel, 'voice'>, string>>;
  outboundWebhookSecret: string;
  outboundMaxAttempts: number;
  outboundRetryBaseMs: number;
  logLevel: string;
  clientDir: string;
  caseReferenceFormat: string;
  caseBodyCode: string;
  handOffAckMs: number;
  caseScanMs: number;
  caseEscalationChain: ('owner' | 'lead' | 'unit' | 'unit_head' | 'admin')[];
  caseEscalationStepMs: number;
  policyDigestScanMs: number;
  publicFaqOrganisation: string;
  publicFaqRateLimitPerMinute: number;
  redisUrl: string | undefined;
  redisPrefix: string;
  nodeId: string;
  nodeHeartbeatMs: number;
  nodeExpiryMs: number;
  shutdownDrainMs: number;
  metricsToken: string | undefined;
}

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the process with a clear message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    databaseSchema: c.DATABASE_SCHEMA,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    isDemo: c.DEMO,
    isSimulatorOn: c.SIMULATOR ?? c.DEMO,
    simulatorIntervalMs: c.SIMULATOR_INTERVAL_MS,
    adminUsername: c.ADMIN_USERNAME,
    adminPassword: c.ADMIN_PASSWORD,
    inboundApiKey: c.INBOUND_API_KEY ?? DEMO_INBOUND_API_KEY,
    orgCode: c.ORG_CODE,
    timeZone: c.TIME_ZONE,
    metricsIntervalMinutes: c.METRICS_INTERVAL_MINUTES,
    offerTimeoutMs: c.OFFER_TIMEOUT_MS,
    missedOffersLimit: c.MISSED_OFFERS_LIMIT,
    declineCooldownMs: c.DECLINE_COOLDOWN_MS,
    presenceGraceMs: c.PRESENCE_GRACE_MS,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3_600_000,
    loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
    isCookieSecure: c.COOKIE_SECURE,
    isBehindProxy: c.TRUST_PROXY,
    outboundWebhooks: Object.fromEntries(
      (['sms', 'whatsapp', 'webchat', 'email', 'social'] as const).flatMap((channel) => {
        const url =
          c[`OUTBOUND_WEBHOOK_URL_${channel.toUpperCase()}` as `OUTBOUND_WEBHOOK_URL_SMS`] ??
          c.OUTBOUND_WEBHOOK_URL;
        return url ? [[channel, url]] : [];
      }),
    ),
    outboundWebhookSecret: c.OUTBOUND_WEBHOOK_SECRET ?? DEMO_OUTBOUND_WEBHOOK_SECRET,
    outboundMaxAttempts: c.OUTBOUND_MAX_ATTEMPTS,
    outboundRetryBaseMs: c.OUTBOUND_RETRY_BASE_MS,
    logLevel: c.LOG_LEVEL,
    clientDir: c.CLIENT_DIR,
    caseReferenceFormat: c.CASE_REFERENCE_FORMAT,
    caseBodyCode: c.CASE_BODY_CODE ?? c.ORG_CODE,
    handOffAckMs: Math.round(c.HANDOFF_ACK_MINUTES * 60_000),
    caseScanMs: c.CASE_SCAN_MS,
    caseEscalationChain: c.CASE_ESCALATION_CHAIN,
    caseEscalationStepMs: Math.round(c.CASE_ESCALATION_STEP_MINUTES * 60_000),
    policyDigestScanMs: c.POLICY_DIGEST_SCAN_MS,
    publicFaqOrganisation: c.PUBLIC_FAQ_ORGANISATION,
    publicFaqRateLimitPerMinute: c.PUBLIC_FAQ_RATE_LIMIT_PER_MINUTE,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    nodeId: c.NODE_ID ?? `node-${randomBytes(4).toString('hex')}`,
    nodeHeartbeatMs: c.NODE_HEARTBEAT_MS,
    nodeExpiryMs: c.NODE_EXPIRY_MS,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    metricsToken: c.METRICS_TOKEN,
  };
}
