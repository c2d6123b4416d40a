import type { ServiceDeps } from '../services/deps.js';

/**
 * Services check the caller's role. The HR API (an API key) and the CLI (someone holding the
 * server's configuration) act with HR and admin rights: they get deps in which their own actor
 * key is an admin, and that key is recorded where services record who asked (`requestedBy`).
 */
export function operatorDeps(deps: ServiceDeps, kind: 'api' | 'cli', id: string): { deps: ServiceDeps; actor: string } {
  const ref = { platform: kind, userId: id };
  const { admins, hr } = deps.settings.bootstrapRoles;
  return {
    deps: { ...deps, settings: { ...deps.settings, bootstrapRoles: { admins: [...admins, ref], hr } } },
    actor: `${kind}:operator:${id}`,
  };
}
