import type { RequestListener } from 'node:http';

/** A path prefix and the listener that serves everything under it (a chat adapter, the HR API…). */
export interface Mount {
  readonly prefix: string;
  readonly listener: RequestListener;
}
