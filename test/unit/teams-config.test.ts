import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const base = { MONGODB_URI: 'mongodb://localhost:27017', PULSE_SECRET: 'x'.repeat(32) };
const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ORG_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const endpoints = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.example.test/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.example.test/v2.0/.well-known/openid-configuration',
  ToBotFromChannelTokenIssuer: 'https://api.example.test',
  ToChannelFromBotLoginUrl: 'https://login.example.test/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.example.test',
  OAuthUrl: 'https://token.example.test',
};
const error = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe('Teams configuration', () => {
  it('is off without TEAMS_APP_ID and TEAMS_LOCAL', () => {
    expect(loadConfig(base).teams).toBeNull();
  });

  it('reads a multi-tenant bot with the default pacing (50/s per tenant, 7/s per conversation)', () => {
    const teams = loadConfig({ ...base, TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_ALLOWED_TENANTS: ORG_TENANT }).teams;
    expect(teams).toMatchObject({
      mode: 'bot',
      appId: APP_ID,
      appType: 'MultiTenant',
      allowedTenants: [ORG_TENANT],
      pacing: { tenantPerSecond: 50, conversationPerSecond: 7 },
    });
  });

  it('a multi-tenant bot must name the tenants it serves; a single-tenant one serves its own', () => {
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's' })).toMatch(
      /^TEAMS_ALLOWED_TENANTS is missing: a MultiTenant bot would take any tenant that installs its package/,
    );
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_ALLOWED_TENANTS: 'contoso' })).toMatch(
      /^TEAMS_ALLOWED_TENANTS has "contoso": list Microsoft Entra tenant ids/,
    );
    const single = loadConfig({
      ...base,
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: 's',
      TEAMS_APP_TYPE: 'SingleTenant',
      TEAMS_TENANT_ID: ORG_TENANT.toUpperCase(),
    }).teams;
    expect(single).toMatchObject({ allowedTenants: [ORG_TENANT] });
  });

  it('takes the whole set of Bot Framework endpoint overrides, under their own names', () => {
    const teams = loadConfig({
      ...base,
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: 's',
      TEAMS_ALLOWED_TENANTS: ORG_TENANT,
      ...endpoints,
      ValidateAuthority: 'false',
    }).teams;
    expect(teams?.endpoints).toEqual({ ...endpoints, ValidateAuthority: 'false' });
  });

  it('refuses a partial set of endpoint overrides, naming the first one missing', () => {
    const { OAuthUrl: _missing, ...partial } = endpoints;
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', ...partial })).toMatch(
      /^OAuthUrl is missing: once one Bot Framework endpoint is overridden, set all of/,
    );
  });

  it('names the variable and the fix for each mistake', () => {
    expect(error({ TEAMS_APP_ID: 'my-bot' })).toMatch(/^TEAMS_APP_ID must be the bot’s Microsoft App ID, a GUID/);
    expect(error({ TEAMS_APP_ID: APP_ID })).toMatch(/^TEAMS_APP_PASSWORD is missing: create a client secret/);
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_APP_TYPE: 'SingleTenant' })).toMatch(/^TEAMS_TENANT_ID is missing/);
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_TYPE: 'Personal' })).toMatch(/^TEAMS_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI/);
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_ALLOWED_TENANTS: ORG_TENANT, TEAMS_MESSAGES_PER_SECOND: '80' })).toMatch(
      /^TEAMS_MESSAGES_PER_SECOND must be a number from 0 to 50/,
    );
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's', TEAMS_CONVERSATION_MESSAGES_PER_SECOND: 'fast' })).toMatch(
      /^TEAMS_CONVERSATION_MESSAGES_PER_SECOND must be a number from 0 to 7/,
    );
  });

  it('a managed identity needs no password but its tenant', () => {
    expect(loadConfig({ ...base, TEAMS_APP_ID: APP_ID, TEAMS_APP_TYPE: 'UserAssignedMSI', TEAMS_TENANT_ID: 'contoso.onmicrosoft.com' }).teams).toMatchObject({
      mode: 'bot',
      appPassword: null,
    });
    expect(error({ TEAMS_APP_ID: APP_ID, TEAMS_APP_TYPE: 'UserAssignedMSI', TEAMS_TENANT_ID: 'contoso.onmicrosoft.com', TEAMS_APP_PASSWORD: 's' })).toMatch(
      /^TEAMS_APP_PASSWORD must not be set for a UserAssignedMSI bot/,
    );
  });

  it('local mode works outside production and is refused in production with one clear line', () => {
    expect(loadConfig({ ...base, TEAMS_LOCAL: '1' }).teams).toMatchObject({ mode: 'local' });
    expect(error({ TEAMS_LOCAL: '1', NODE_ENV: 'production' })).toBe(
      'TEAMS_LOCAL=1 accepts unauthenticated requests and is refused with NODE_ENV=production: set TEAMS_APP_ID and TEAMS_APP_PASSWORD instead',
    );
    expect(error({ TEAMS_LOCAL: '1', TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 's' })).toMatch(/^TEAMS_LOCAL cannot be combined with TEAMS_APP_ID/);
  });

  it('a Teams setting without TEAMS_APP_ID is an error, never a quiet fall back to the playground', () => {
    expect(error({ TEAMS_APP_PASSWORD: 'secret' })).toBe(
      "TEAMS_APP_ID is missing: TEAMS_APP_PASSWORD is set, so Teams is meant; set TEAMS_APP_ID to the bot's Microsoft App ID (or unset TEAMS_APP_PASSWORD)",
    );
    expect(error({ TEAMS_TENANT_ID: APP_ID })).toMatch(/^TEAMS_APP_ID is missing: TEAMS_TENANT_ID is set/);
    expect(error({ ...endpoints })).toMatch(/^TEAMS_APP_ID is missing: ToBotFromChannelOpenIdMetadataUrl is set/);
    // Packaging's own variable does not count: it is not read by the bot.
    expect(loadConfig({ ...base, TEAMS_PUBLIC_HOST: 'pulse.example.com' }).playground).toBe(true);
  });

  it('the playground (no sign-in) is refused with NODE_ENV=production', () => {
    expect(error({ NODE_ENV: 'production' })).toMatch(
      /^NODE_ENV=production with no Slack or Teams credentials: the playground has no sign-in and is refused in production/,
    );
  });
});
