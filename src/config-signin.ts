import { ConfigError } from './lib/config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface OidcClientConfig {
  /** The issuer whose discovery document is read (`<issuer>/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface SignInConfig {
  /** "Sign in with Slack": the Slack app's OpenID Connect client. */
  readonly slack: OidcClientConfig | null;
  /** Microsoft Entra ID: one client per tenant whose people may sign in (the app registration is the same). */
  readonly entra: { readonly tenants: readonly OidcClientConfig[] } | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const value = (env: Env, name: string): string | null => {
  const text = env[name]?.trim() ?? '';
  return text === '' ? null : text;
};
const url = (env: Env, name: string, fallback: string): string => {
  const text = value(env, name) ?? fallback;
  if (!/^https?:\/\/[^\s]+$/.test(text)) throw new ConfigError(`${name} must be an https:// address, e.g. ${fallback}`);
  return text.replace(/\/+$/, '');
};

function slackClient(env: Env): OidcClientConfig | null {
  const clientId = value(env, 'PULSE_SIGNIN_SLACK_CLIENT_ID');
  const clientSecret = value(env, 'PULSE_SIGNIN_SLACK_CLIENT_SECRET');
  if (clientId !== null && clientSecret === null) {
    throw new ConfigError(
      "PULSE_SIGNIN_SLACK_CLIENT_SECRET is missing: set it to the Slack app's Client Secret (Basic Information), next to PULSE_SIGNIN_SLACK_CLIENT_ID",
    );
  }
  if (clientId === null || clientSecret === null) return null;
  return { issuer: url(env, 'PULSE_SIGNIN_SLACK_ISSUER', 'https://slack.com'), clientId, clientSecret };
}

function entraClients(env: Env): SignInConfig['entra'] {
  const clientId = value(env, 'PULSE_SIGNIN_ENTRA_CLIENT_ID');
  if (clientId === null) return null;
  const clientSecret = value(env, 'PULSE_SIGNIN_ENTRA_CLIENT_SECRET');
  if (clientSecret === null) {
    throw new ConfigError("PULSE_SIGNIN_ENTRA_CLIENT_SECRET is missing: create a client secret under the app registration's Certificates & secrets and set it");
  }
  // Single tenant: its GUID. Several (a multi-tenant registration used by one organisation): all
  // of them; an ID token from any other tenant is refused.
  const listed = value(env, 'PULSE_SIGNIN_ENTRA_TENANTS') ?? value(env, 'TEAMS_ALLOWED_TENANTS') ?? value(env, 'TEAMS_TENANT_ID');
  const tenants = (listed ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (tenants.length === 0) {
    throw new ConfigError('PULSE_SIGNIN_ENTRA_TENANTS is missing: set the Entra tenant id (a GUID) whose people may sign in, or several separated by commas');
  }
  const bad = tenants.find((t) => !GUID.test(t));
  if (bad !== undefined)
    throw new ConfigError(`PULSE_SIGNIN_ENTRA_TENANTS has "${bad}": list Entra tenant ids (GUIDs), e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47`);
  const authority = url(env, 'PULSE_SIGNIN_ENTRA_AUTHORITY', 'https://login.microsoftonline.com');
  return { tenants: tenants.map((tenant) => ({ issuer: `${authority}/${tenant.toLowerCase()}/v2.0`, clientId, clientSecret })) };
}

/** Dashboard sign-in with OpenID Connect; each provider is on when its client id is set. */
export function loadSignInConfig(env: Env): SignInConfig {
  return { slack: slackClient(env), entra: entraClients(env) };
}
