import { z } from 'zod';
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from './domain/anonymity/thresholds.js';
import { LOCALES } from './domain/i18n/locale.js';
import { isValidZone } from './domain/schedule.js';
import { parsePlatformUserRef, type PlatformUserRef } from './domain/roles.js';
import { ConfigError } from './lib/config-error.js';
import { loadSignInConfig } from './config-signin.js';
import { loadSlackConfig } from './config-slack.js';
import { loadMetricsConfig } from './config-metrics.js';
import { loadSummaryConfig } from './config-summary.js';
import { loadTeamsConfig } from './config-teams.js';

export { ConfigError };

const MIN_SECRET_LENGTH = 32;

const intFrom = (name: string) => z.string().trim().regex(/^\d+$/, `${name} must be a whole number`).transform(Number);

/** `slack:U0123ABC,teams:29:1xyz` → platform user refs. */
const userRefs = (name: string) =>
  z
    .string()
    .default('')
    .transform((text, ctx): PlatformUserRef[] => {
      const refs: PlatformUserRef[] = [];
      for (const item of text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')) {
        const ref = parsePlatformUserRef(item);
        if (ref === null) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} has "${item}": list platform user ids as platform:id, e.g. slack:U0123ABC,teams:29:1xyz`,
          });
          return z.NEVER;
        }
        refs.push(ref);
      }
      return refs;
    });

/**
 * One schema over the environment. Each message says what is wrong and how to fix it, because
 * it is all the operator will see before the process exits.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' }).default('development'),
    PORT: intFrom('PORT').pipe(z.number().min(1).max(65535, 'PORT must be between 1 and 65535')).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    MONGODB_URI: z
      .string({ message: 'MONGODB_URI is missing: set it to your MongoDB connection string, e.g. mongodb://localhost:27017' })
      .trim()
      .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must start with mongodb:// or mongodb+srv://'),
    MONGODB_DB: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'MONGODB_DB must be 1–63 letters, digits, _ or -')
      .default('pulsebot'),
    PULSE_SECRET: z
      .string({
        message: `PULSE_SECRET is missing: set it to a random string of at least ${MIN_SECRET_LENGTH} characters (e.g. the output of \`openssl rand -hex 32\`) and keep it stable`,
      })
      .min(MIN_SECRET_LENGTH, `PULSE_SECRET is too short: use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`)`),
    PULSE_MIN_GROUP_SIZE: intFrom('PULSE_MIN_GROUP_SIZE')
      .pipe(
        z
          .number()
          .min(
            MIN_GROUP_SIZE_FLOOR,
            `PULSE_MIN_GROUP_SIZE is below the floor of ${MIN_GROUP_SIZE_FLOOR}: set it to ${MIN_GROUP_SIZE_FLOOR} or more (${DEFAULT_MIN_GROUP_SIZE} is the industry norm)`,
          ),
      )
      .default(DEFAULT_MIN_GROUP_SIZE),
    PULSE_MIN_COMMENT_GROUP_SIZE: intFrom('PULSE_MIN_COMMENT_GROUP_SIZE').optional(),
    PULSE_DEFAULT_TIMEZONE: z
      .string()
      .trim()
      .refine(isValidZone, {
        message: 'PULSE_DEFAULT_TIMEZONE is not a known time zone: use an IANA name such as Europe/Oslo or America/New_York',
      })
      .default('UTC'),
    PULSE_DEFAULT_LOCALE: z.enum(LOCALES, { message: 'PULSE_DEFAULT_LOCALE must be en, nb or sv' }).default('en'),
    PULSE_RETENTION_MONTHS: intFrom('PULSE_RETENTION_MONTHS')
      .pipe(z.number().min(1, 'PULSE_RETENTION_MONTHS must be at least 1').max(120, 'PULSE_RETENTION_MONTHS must be at most 120'))
      .default(24),
    PULSE_ADMINS: userRefs('PULSE_ADMINS'),
    PULSE_HR: userRefs('PULSE_HR'),
    PULSE_ORG_NAME: z.string().trim().min(1).max(80, 'PULSE_ORG_NAME must be at most 80 characters').optional(),
    PULSE_WEB: z.enum(['0', '1', 'true', 'false'], { message: 'PULSE_WEB must be 1 (serve the web chat and dashboard) or 0' }).optional(),
    PULSE_DATA_DIR: z.string().trim().min(1).default('.pulsebot-data'),
    PULSE_PUBLIC_URL: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'PULSE_PUBLIC_URL must be the address people open pulsebot at, e.g. https://pulse.example.com')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  })
  .transform((env, ctx) => {
    const minCommentGroupSize = env.PULSE_MIN_COMMENT_GROUP_SIZE ?? env.PULSE_MIN_GROUP_SIZE;
    if (minCommentGroupSize < env.PULSE_MIN_GROUP_SIZE) {
      ctx.addIssue({
        code: 'custom',
        path: ['PULSE_MIN_COMMENT_GROUP_SIZE'],
        message: `PULSE_MIN_COMMENT_GROUP_SIZE (${minCommentGroupSize}) is below PULSE_MIN_GROUP_SIZE (${env.PULSE_MIN_GROUP_SIZE}): set it to at least ${env.PULSE_MIN_GROUP_SIZE}, or leave it unset to use the same`,
      });
      return z.NEVER;
    }
    return {
      env: env.NODE_ENV,
      port: env.PORT,
      logLevel: env.LOG_LEVEL,
      mongodb: { uri: env.MONGODB_URI, dbName: env.MONGODB_DB },
      secret: env.PULSE_SECRET,
      anonymity: { minGroupSize: env.PULSE_MIN_GROUP_SIZE, minCommentGroupSize },
      defaultTimezone: env.PULSE_DEFAULT_TIMEZONE,
      defaultLocale: env.PULSE_DEFAULT_LOCALE,
      orgName: env.PULSE_ORG_NAME ?? null,
      bootstrapRoles: { admins: env.PULSE_ADMINS, hr: env.PULSE_HR },
      retentionMonths: env.PULSE_RETENTION_MONTHS,
      web: {
        /** PULSE_WEB=1: serve the web chat and the dashboard next to Slack/Teams (playground mode always does). */
        requested: env.PULSE_WEB === '1' || env.PULSE_WEB === 'true',
        dataDir: env.PULSE_DATA_DIR,
        publicUrl: env.PULSE_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      },
    };
  });

export type Config = z.output<typeof envSchema> & {
  readonly slack: ReturnType<typeof loadSlackConfig>;
  readonly teams: ReturnType<typeof loadTeamsConfig>;
  /** No Slack or Teams credentials: the web chat is the only surface and the clock can be fast-forwarded. */
  readonly playground: boolean;
  readonly summarySchedule: ReturnType<typeof loadSummaryConfig>;
  /** Dashboard sign-in with Slack / Entra ID (OpenID Connect). */
  readonly signIn: ReturnType<typeof loadSignInConfig>;
  readonly metrics: ReturnType<typeof loadMetricsConfig>;
};

/** Reads the configuration from `env`; throws a ConfigError whose message is one line. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty values count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) {
    const slack = loadSlackConfig(present);
    const teams = loadTeamsConfig(present, result.data.env);
    if (slack === null && teams === null && result.data.env === 'production') {
      throw new ConfigError(
        'NODE_ENV=production with no Slack or Teams credentials: the playground has no sign-in and is refused in production; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or TEAMS_APP_ID and TEAMS_APP_PASSWORD), or unset NODE_ENV to try the playground',
      );
    }
    return {
      ...result.data,
      slack,
      teams,
      summarySchedule: loadSummaryConfig(present),
      metrics: loadMetricsConfig(present),
      signIn: loadSignInConfig(present),
      playground: slack === null && teams === null,
    };
  }
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const message = issue?.message ?? 'is invalid';
  throw new ConfigError(message.startsWith(variable) ? message : `${variable}: ${message}`);
}
