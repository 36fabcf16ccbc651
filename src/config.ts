import { z } from 'zod';
import { parseRetentionOverrides, retentionPolicy } from './domain/retention.ts';
import { DEFAULT_REAPPLY_AFTER_DAYS } from './domain/beneficiaryOutcome.ts';
import { isKnownTimeZone } from './domain/formatting.ts';
import { MIN_RESPONSE_WINDOW_DAYS } from './domain/responseWindow.ts';

// Below the idle timeout of common reverse proxies (60 s), so the proxy never reuses a connection we just closed.
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().default('file:./data/tayseer.db'),
    UPLOAD_DIR: z.string().default('./data/uploads'),
    SESSION_SECRET: z.string().min(32).optional(),
    SESSION_MAX_AGE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
    TRUST_PROXY: booleanFlag(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12).optional(),
    ORG_NAME: z.string().min(1).default('جمعية منازل'),
    ORG_NAME_EN: z.string().min(1).default('Manazil Association'),
    ORG_LOGO_PATH: z.string().default('/public/img/logo.svg'),
    ORG_PHONE: z.string().default('920000000'),
    ORG_EMAIL: z.email().default('info@manazil.org.sa'),
    SERVICE_CITIES: csv('الرياض,الخرج,الدرعية,المزاحمية'),
    SUPPORT_TYPES: csv('financial_aid,rent,food,furniture_appliances,medical,education,other'),
    REFERENCE_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,6}$/)
      .default('MZL'),
    RESPONSE_WINDOW_DAYS: z.coerce
      .number()
      .int()
      .min(MIN_RESPONSE_WINDOW_DAYS, {
        message: `must be at least ${MIN_RESPONSE_WINDOW_DAYS}: the policy says "not less than two weeks"`,
      })
      .default(14),
    OVERDUE_AFTER_DAYS: z.coerce.number().int().min(1).default(30),
    INFO_REQUEST_DEADLINE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    REFERRAL_DEADLINE_DAYS: z.coerce.number().int().min(1).max(90).default(10),
    DEADLINE_REMINDER_DAYS: z.coerce.number().int().min(1).max(30).default(3),
    REQUIRE_ID_COPY: booleanFlag(false),
    REQUIRED_VERIFICATION_ITEMS: csv('identity,household,income,housing,bank_account,documents'),
    REGISTRATION_ITEMS: csv('bank_account_confirmed,commitment_signed'),
    REJECTION_REASONS: csv('income_above_threshold,outside_service_area,incomplete_documents,duplicate_support,other'),
    REAPPLY_AFTER_DAYS: z.coerce.number().int().min(0).max(3650).default(DEFAULT_REAPPLY_AFTER_DAYS),
    MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(20).default(5),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Tayseer <no-reply@manazil.org.sa>'),
    RELEASE_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(300),
    OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(15),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    SMS_CODES_PER_IP_HOUR: z.coerce.number().int().min(1).default(20),
    READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    MAX_DOCUMENTS_PER_REQUEST: z.coerce.number().int().min(1).max(200).default(20),
    MAX_DOCUMENTS_TOTAL_MB: z.coerce.number().int().min(1).max(2000).default(50),
    // Long enough for a 5 MB upload over a slow mobile link; Node's own default lets a request hang for 5 minutes.
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
    HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(15),
    RETENTION_DAYS: z.string().default('').transform((value, ctx) => {
      try {
        return parseRetentionOverrides(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
    RETENTION_JOB_INTERVAL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    NAFATH_BASE_URL: z.url().optional(),
    NAFATH_APP_ID: z.string().min(1).optional(),
    NAFATH_APP_KEY: z.string().min(1).optional(),
    NAFATH_SERVICE: z.string().min(1).default('DigitalServiceEnrollmentWithoutBio'),
    DRAFT_REMINDER_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    DRAFT_REMOVAL_WARNING_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    TIME_ZONE: z
      .string()
      .default('Asia/Riyadh')
      .refine(isKnownTimeZone, { message: 'must be an IANA time zone known to Intl, such as Asia/Riyadh' }),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required in production (at least 32 characters)',
      });
    }
    if (env.MAX_DOCUMENTS_TOTAL_MB < env.MAX_UPLOAD_MB) {
      ctx.addIssue({ code: 'custom', path: ['MAX_DOCUMENTS_TOTAL_MB'], message: 'must be at least MAX_UPLOAD_MB' });
    }
    if (env.DEADLINE_REMINDER_DAYS >= env.INFO_REQUEST_DEADLINE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['DEADLINE_REMINDER_DAYS'], message: 'must be less than INFO_REQUEST_DEADLINE_DAYS' });
    }
    const nafathSettings = [env.NAFATH_BASE_URL, env.NAFATH_APP_ID, env.NAFATH_APP_KEY].filter(Boolean).length;
    if (nafathSettings > 0 && nafathSettings < 3) {
      ctx.addIssue({ code: 'custom', path: ['NAFATH_BASE_URL'], message: 'NAFATH_BASE_URL, NAFATH_APP_ID and NAFATH_APP_KEY go together: set all three or none' });
    }
    if (env.HEADERS_TIMEOUT_SECONDS > env.REQUEST_TIMEOUT_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['HEADERS_TIMEOUT_SECONDS'], message: 'must not be more than REQUEST_TIMEOUT_SECONDS' });
    }
  });

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: z.output<typeof environmentSchema>) {
  return {
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    uploadDir: env.UPLOAD_DIR,
    // Outside production a fixed development secret keeps sessions across restarts.
    sessionSecret: env.SESSION_SECRET ?? 'development-only-secret-not-for-production-use',
    sessionMaxAgeMs: env.SESSION_MAX_AGE_MINUTES * 60_000,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    bootstrapAdmin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    organisation: {
      nameAr: env.ORG_NAME,
      nameEn: env.ORG_NAME_EN,
      logoPath: env.ORG_LOGO_PATH,
      phone: env.ORG_PHONE,
      email: env.ORG_EMAIL,
    },
    serviceCities: env.SERVICE_CITIES,
    supportTypes: env.SUPPORT_TYPES,
    referencePrefix: env.REFERENCE_PREFIX,
    responseWindowDays: env.RESPONSE_WINDOW_DAYS,
    overdueAfterDays: env.OVERDUE_AFTER_DAYS,
    deadlines: {
      infoRequestDays: env.INFO_REQUEST_DEADLINE_DAYS,
      referralDays: env.REFERRAL_DEADLINE_DAYS,
      reminderDaysBefore: env.DEADLINE_REMINDER_DAYS,
    },
    requireIdCopy: env.REQUIRE_ID_COPY,
    requiredVerificationItems: env.REQUIRED_VERIFICATION_ITEMS,
    registrationItems: env.REGISTRATION_ITEMS,
    rejectionReasons: env.REJECTION_REASONS,
    reapplyAfterDays: env.REAPPLY_AFTER_DAYS,
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    releaseJobIntervalMs: env.RELEASE_JOB_INTERVAL_SECONDS * 1000,
    outboxIntervalMs: env.OUTBOX_INTERVAL_SECONDS * 1000,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    smsCodesPerIpHour: env.SMS_CODES_PER_IP_HOUR,
    readCacheTtlMs: env.READ_CACHE_SECONDS * 1000,
    maxDocumentsPerRequest: env.MAX_DOCUMENTS_PER_REQUEST,
    maxDocumentsTotalMegabytes: env.MAX_DOCUMENTS_TOTAL_MB,
    serverTimeouts: {
      requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: env.HEADERS_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    },
    retention: retentionPolicy(env.RETENTION_DAYS),
    retentionJobIntervalMs: env.RETENTION_JOB_INTERVAL_HOURS * 3_600_000,
    /** Sign-in through Nafath; null (hidden) unless all three settings are given. */
    nafath:
      env.NAFATH_BASE_URL && env.NAFATH_APP_ID && env.NAFATH_APP_KEY
        ? { baseUrl: env.NAFATH_BASE_URL.replace(/\/+$/, ''), appId: env.NAFATH_APP_ID, appKey: env.NAFATH_APP_KEY, service: env.NAFATH_SERVICE }
        : null,
    draftReminders: { afterDays: env.DRAFT_REMINDER_AFTER_DAYS, warningDaysBeforeRemoval: env.DRAFT_REMOVAL_WARNING_DAYS },
    /** Every time and calendar day shown to anyone is read in this zone. */
    timeZone: env.TIME_ZONE,
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  return buildConfig(parsed.data);
}
