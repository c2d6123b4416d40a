import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const run = promisify(execFile);
const secret = 'a'.repeat(64);
const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017', PULSE_SECRET: secret };

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('has sensible defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      port: 3000,
      anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
      defaultTimezone: 'UTC',
      defaultLocale: 'en',
      mongodb: { dbName: 'pulsebot' },
    });
  });

  it('a missing secret names the variable and how to make one', () => {
    const message = problem({ MONGODB_URI: valid.MONGODB_URI });
    expect(message).toMatch(/^PULSE_SECRET is missing: set it to a random string of at least 32 characters/);
    expect(message).not.toContain('\n');
  });

  it('a short secret is refused', () => {
    expect(problem({ ...valid, PULSE_SECRET: 'short' })).toMatch(/^PULSE_SECRET is too short/);
  });

  it('a threshold below 3 is refused with the floor and the norm', () => {
    expect(problem({ ...valid, PULSE_MIN_GROUP_SIZE: '2' })).toBe('PULSE_MIN_GROUP_SIZE is below the floor of 3: set it to 3 or more (5 is the industry norm)');
    expect(problem({ ...valid, PULSE_MIN_GROUP_SIZE: 'five' })).toBe('PULSE_MIN_GROUP_SIZE must be a whole number');
  });

  it('a comment threshold below the score threshold is refused', () => {
    expect(problem({ ...valid, PULSE_MIN_GROUP_SIZE: '7', PULSE_MIN_COMMENT_GROUP_SIZE: '5' })).toMatch(
      /^PULSE_MIN_COMMENT_GROUP_SIZE \(5\) is below PULSE_MIN_GROUP_SIZE \(7\)/,
    );
    expect(loadConfig({ ...valid, PULSE_MIN_GROUP_SIZE: '7' }).anonymity.minCommentGroupSize).toBe(7);
  });

  it('an unknown time zone is refused with examples', () => {
    expect(problem({ ...valid, PULSE_DEFAULT_TIMEZONE: 'Mars/Olympus' })).toMatch(
      /^PULSE_DEFAULT_TIMEZONE is not a known time zone: use an IANA name such as Europe\/Oslo/,
    );
    expect(loadConfig({ ...valid, PULSE_DEFAULT_TIMEZONE: 'Australia/Sydney' }).defaultTimezone).toBe('Australia/Sydney');
  });

  it('the metrics token is optional, and a short one is refused with how to make one', () => {
    expect(loadConfig(valid).metrics).toEqual({ token: null });
    expect(loadConfig({ ...valid, PULSE_METRICS_TOKEN: 'a-long-enough-token-1' }).metrics).toEqual({ token: 'a-long-enough-token-1' });
    expect(() => loadConfig({ ...valid, PULSE_METRICS_TOKEN: 'short' })).toThrow(/^PULSE_METRICS_TOKEN is too short: use at least 16 random characters/);
  });

  it('empty values count as unset', () => {
    expect(loadConfig({ ...valid, PORT: '', PULSE_DEFAULT_LOCALE: '' }).port).toBe(3000);
  });

  it('the process exits with one line on stderr naming the variable', async () => {
    const env = { PATH: process.env.PATH ?? '', MONGODB_URI: valid.MONGODB_URI, PULSE_SECRET: secret, PULSE_MIN_GROUP_SIZE: '1' };
    const failure = await run(process.execPath, ['--import', 'tsx', 'app/main.ts'], { env }).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    const lines = failure?.stderr.trim().split('\n') ?? [];
    expect(lines).toEqual(['pulsebot: config error: PULSE_MIN_GROUP_SIZE is below the floor of 3: set it to 3 or more (5 is the industry norm)']);
  }, 30_000); // a whole Node process with tsx, on a machine busy with other test files
});

describe('bootstrap roles', () => {
  it('may name the tenant or workspace a person must be in, and then match only there', async () => {
    const { parsePlatformUserRef, refNames } = await import('../../src/domain/roles.js');
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const oid = 'aaaaaaaa-0000-4000-8000-000000000001';
    const scoped = parsePlatformUserRef(`teams:${tenant}:${oid}`);
    expect(scoped).toEqual({ platform: 'teams', tenant, userId: oid });
    expect(refNames(scoped!, `teams:${tenant}:${oid}`)).toBe(true);
    expect(refNames(scoped!, `teams:ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb:${oid}`)).toBe(false);
    expect(parsePlatformUserRef('slack:T0123:U0456')).toEqual({ platform: 'slack', tenant: 'T0123', userId: 'U0456' });
    // Without a tenant: the user id alone, as before (ids may contain ':').
    expect(parsePlatformUserRef('teams:29:1xyz')).toEqual({ platform: 'teams', userId: '29:1xyz' });
    expect(refNames(parsePlatformUserRef('slack:U0456')!, 'slack:T0123:U0456')).toBe(true);
  });
});

describe('Slack multi-workspace install', () => {
  it('must name the workspaces it serves: any other could install it and join the counts', () => {
    const oauth = { ...valid, SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'x'.repeat(32), SLACK_SIGNING_SECRET: 'signing' };
    expect(() => loadConfig(oauth)).toThrow(/^SLACK_ALLOWED_TEAMS is missing: with SLACK_CLIENT_ID any workspace could install pulsebot/);
    expect(loadConfig({ ...oauth, SLACK_ALLOWED_TEAMS: 'T0123,E0456' }).slack).toMatchObject({ mode: 'oauth', common: { allowedTeams: ['T0123', 'E0456'] } });
  });
});
