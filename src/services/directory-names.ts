import type { PlatformName } from '../ports/chat-platform.js';

/**
 * People's display names as the last directory sync of each workspace or tenant listed them,
 * kept in this process's memory only, for one purpose: warning someone that the comment they are
 * about to send names a colleague (issue #15). Never stored, logged or shown to anyone else.
 */
export class DirectoryNames {
  private readonly byTenant = new Map<string, readonly string[]>();

  /** The names a sync of `platform`/`tenant` listed (replacing what an earlier sync listed). */
  replace(platform: PlatformName, tenant: string, names: Iterable<string>): void {
    const kept = [...new Set([...names].map((name) => name.trim()).filter((name) => name.length >= 2))];
    this.byTenant.set(`${platform}:${tenant}`, kept);
  }

  /** The names of the workspace or tenant `personKey` (`platform:tenant:user`) belongs to. */
  namesFor(personKey: string): readonly string[] {
    const [platform, tenant] = personKey.split(':');
    return this.byTenant.get(`${platform ?? ''}:${tenant ?? ''}`) ?? [];
  }
}
