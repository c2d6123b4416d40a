import type { PlatformName } from '../ports/chat-platform.js';

/**
 * Whether every configured platform's directory has been read once since start. A round opened
 * before that would invite only the people read so far, silently leaving the rest out, so rounds
 * wait for it (the scheduler starts after it; `send-now` waits for it), and `/readyz` reports it.
 */
export class DirectoryReadiness {
  private readonly pending: Set<PlatformName>;
  private release: () => void = () => undefined;
  private readonly done: Promise<void>;

  constructor(platforms: Iterable<PlatformName>) {
    this.pending = new Set(platforms);
    this.done = new Promise<void>((resolve) => (this.release = resolve));
    if (this.pending.size === 0) this.release();
  }

  get ready(): boolean {
    return this.pending.size === 0;
  }

  /** A sync of `platform` went through to the end. */
  synced(platform: PlatformName): void {
    this.pending.delete(platform);
    if (this.pending.size === 0) this.release();
  }

  /** Resolves once every platform has been synced once (at once when it has). */
  whenReady(): Promise<void> {
    return this.done;
  }
}
