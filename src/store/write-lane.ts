/**
 * One database write at a time from the answer path of this process.
 *
 * Why: the FerretDB server the tests and the playground use keeps each database in one SQLite
 * file, where writers take turns; a writer that finds the file locked sleeps and retries
 * (SQLite's busy handler, in steps of milliseconds), so a dozen concurrent inserts finish far
 * later than the same dozen one after another. The batchers that use this lane fold whatever
 * arrives while a write is under way into their next one, so under load a few large writes go
 * out instead of many small ones racing. On MongoDB it costs a little parallelism and nothing else.
 */
export class WriteLane {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `write` after every write queued before it has settled. */
  run<T>(write: () => Promise<T>): Promise<T> {
    const result = this.tail.then(write, write);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
