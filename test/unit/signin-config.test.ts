import { describe, expect, it } from 'vitest';
import { loadSignInConfig } from '../../src/config-signin.js';

const TENANT = '3f1c2a44-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('dashboard sign-in settings', () => {
  it('is off unless a client id is set', () => {
    expect(loadSignInConfig({})).toEqual({ slack: null, entra: null });
  });

  it('Slack: the client and Slack’s issuer', () => {
    expect(loadSignInConfig({ PULSE_SIGNIN_SLACK_CLIENT_ID: 'id', PULSE_SIGNIN_SLACK_CLIENT_SECRET: 'secret' }).slack).toEqual({
      issuer: 'https://slack.com',
      clientId: 'id',
      clientSecret: 'secret',
    });
    expect(() => loadSignInConfig({ PULSE_SIGNIN_SLACK_CLIENT_ID: 'id' })).toThrow(/^PULSE_SIGNIN_SLACK_CLIENT_SECRET is missing: set it/);
  });

  it('Entra: one issuer per tenant, from PULSE_SIGNIN_ENTRA_TENANTS or the Teams tenants', () => {
    const env = { PULSE_SIGNIN_ENTRA_CLIENT_ID: 'id', PULSE_SIGNIN_ENTRA_CLIENT_SECRET: 'secret' };
    expect(loadSignInConfig({ ...env, PULSE_SIGNIN_ENTRA_TENANTS: TENANT }).entra?.tenants).toEqual([
      { issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, clientId: 'id', clientSecret: 'secret' },
    ]);
    expect(loadSignInConfig({ ...env, TEAMS_TENANT_ID: TENANT }).entra?.tenants).toHaveLength(1);
    expect(() => loadSignInConfig(env)).toThrow(/^PULSE_SIGNIN_ENTRA_TENANTS is missing/);
    expect(() => loadSignInConfig({ ...env, PULSE_SIGNIN_ENTRA_TENANTS: 'common' })).toThrow(/^PULSE_SIGNIN_ENTRA_TENANTS has "common": list Entra tenant ids/);
    expect(() => loadSignInConfig({ PULSE_SIGNIN_ENTRA_CLIENT_ID: 'id', PULSE_SIGNIN_ENTRA_TENANTS: TENANT })).toThrow(
      /^PULSE_SIGNIN_ENTRA_CLIENT_SECRET is missing/,
    );
  });
});
