import type { App } from './create-app.js';

export interface PlaygroundStartOptions {
  /** `npm start -- --fresh`: no demo organisation. */
  readonly fresh: boolean;
  readonly say: (line: string) => void;
}

/** First start of the playground: seed the demo organisation unless the directory has people or --fresh. */
export async function playgroundStart(app: App, options: PlaygroundStartOptions): Promise<void> {
  if (options.fresh || (await app.deps.store.people.count()) > 0) return;
  options.say('pulsebot: seeding a demo organisation (40 people, 5 teams, a month of rounds); npm start -- --fresh starts empty…');
  const report = await app.pulse.playground.seed();
  app.deps.logger.info({ ...report }, 'demo organisation seeded');
}
