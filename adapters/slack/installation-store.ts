import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { InstallationRecords } from '../../src/ports/platform-state.js';
import { WorkspaceNotAllowedError } from './install-failure.js';

function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `slack:enterprise:${query.enterpriseId}`;
  if (query.teamId) return `slack:team:${query.teamId}`;
  throw new Error('a Slack installation needs a team or enterprise id');
}

/**
 * Slack OAuth installations, kept by the core (`installations`), one per workspace or org. They hold
 * bot tokens, so the database must be protected like any secret store; the tokens' scopes do
 * not include reading DMs, so a stolen token cannot read the prompts' answer links back.
 */
export function slackInstallationStore(
  installations: InstallationRecords,
  allowed: readonly string[] | null = null,
): InstallationStore & { teams(): Promise<string[]> } {
  // An installation stored before SLACK_ALLOWED_TEAMS listed only this organisation's workspaces
  // stays in MongoDB; it must not keep serving events or feeding the directory.
  const isAllowed = (ids: readonly (string | undefined)[]): boolean => allowed === null || ids.some((id) => id !== undefined && allowed.includes(id));
  return {
    async storeInstallation(installation) {
      const ids = [installation.team?.id, installation.enterprise?.id].filter((id): id is string => typeof id === 'string');
      if (allowed !== null && !ids.some((id) => allowed.includes(id))) {
        throw new WorkspaceNotAllowedError(`Slack workspace ${ids.join('/')} is not in SLACK_ALLOWED_TEAMS; installation refused`);
      }
      const key = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await installations.save(key, JSON.stringify(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      if (!isAllowed([query.teamId, query.enterpriseId])) {
        throw new WorkspaceNotAllowedError(`Slack workspace ${keyOf(query)} is not in SLACK_ALLOWED_TEAMS; refused`);
      }
      const stored = await installations.get(keyOf(query));
      if (stored === null) throw new Error(`no Slack installation for ${keyOf(query)}`);
      return JSON.parse(stored) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(keyOf(query));
    },
    async teams() {
      const docs = await installations.withPrefix('slack:team:');
      return docs
        .filter((d) => isAllowed([d.key.slice('slack:team:'.length), (JSON.parse(d.installation) as Installation).enterprise?.id]))
        .map((d) => d.key.slice('slack:team:'.length));
    },
  };
}
