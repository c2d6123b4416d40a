import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  AppCredentials,
  AuthenticationConstants,
  AuthenticationError,
  PasswordServiceClientCredentialFactory,
  ServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type AuthenticatorResult,
} from 'botframework-connector';
import { z } from 'zod';
import type { TeamsConfig } from '../../src/config-teams.js';

const tokenResponseSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });

/**
 * A bot's client-secret credentials: the OAuth 2.0 client-credentials grant against the
 * configured login endpoint (`ToChannelFromBotLoginUrl`, the public cloud's by default), so the
 * same code serves the public cloud, sovereign clouds and the tests' local token endpoint.
 */
class ClientSecretCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly secret: string,
    private readonly loginUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.appId,
      client_secret: this.secret,
      scope: `${this.oAuthScope.replace(/\/$/, '')}/.default`,
    });
    const response = await fetch(`${this.loginUrl.replace(/\/$/, '')}/oauth2/v2.0/token`, { method: 'POST', body });
    if (!response.ok) throw new Error(`the Bot Framework login endpoint refused the bot's credentials (HTTP ${response.status})`);
    const token = tokenResponseSchema.parse(await response.json());
    // The token cache is the SDK's and runs on real time, like the token's own expiry.
    const expiresOn = new Date();
    expiresOn.setSeconds(expiresOn.getSeconds() + token.expires_in);
    return { accessToken: token.access_token, expiresOn };
  }
}

class ClientSecretCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly tenantId: string | null,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(appId: string, audience: string | undefined, loginEndpoint: string): Promise<AppCredentials> {
    if (appId !== this.appId) return Promise.reject(new Error('Invalid appId.'));
    let login = loginEndpoint || AuthenticationConstants.ToChannelFromBotLoginUrl;
    // A single-tenant bot gets its tokens from its own tenant, not the shared botframework.com one.
    if (this.tenantId !== null && login.toLowerCase() === AuthenticationConstants.ToChannelFromBotLoginUrl.toLowerCase()) {
      login = `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${this.tenantId}`;
    }
    return Promise.resolve(new ClientSecretCredentials(appId, this.secret, login, audience ?? AuthenticationConstants.ToChannelFromBotOAuthScope));
  }
}

/**
 * The teams-ai adapter with one change: any failure to authenticate an incoming request is a
 * 401. (botbuilder reports a bad signature or a malformed token as a 500.)
 */
class StrictTeamsAdapter extends TeamsAdapter {
  protected override async processActivity(
    authHeaderOrResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof authHeaderOrResult !== 'string') return super.processActivity(authHeaderOrResult, activity, logic);
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeaderOrResult);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('Unauthorized. The token could not be verified.', 401);
    }
    return super.processActivity(result, activity, logic);
  }
}

/** The app id outbound calls and JWT audiences use ('' in local mode). */
export function botAppId(config: TeamsConfig): string {
  return config.mode === 'bot' ? config.appId : '';
}

/** Builds the Bot Framework adapter for the configured mode. */
export function createBotAdapter(config: TeamsConfig): TeamsAdapter {
  const endpoints = { ...config.endpoints };
  if (config.mode === 'local') {
    // An empty app id turns authentication off, which is the Bot Framework's own local behaviour.
    return new StrictTeamsAdapter({ ...endpoints, MicrosoftAppId: '' }, new PasswordServiceClientCredentialFactory('', ''));
  }
  const factory =
    config.appType === 'UserAssignedMSI'
      ? new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: config.appId,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppTenantId: config.tenantId ?? undefined,
        })
      : new ClientSecretCredentialsFactory(config.appId, config.appPassword ?? '', config.appType === 'SingleTenant' ? config.tenantId : null);
  return new StrictTeamsAdapter({ ...endpoints, MicrosoftAppId: config.appId, ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}) }, factory);
}
