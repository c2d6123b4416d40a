/** What became of a click offered to the answer path. */
export type Admitted<T> = { readonly admitted: true; readonly value: T } | { readonly admitted: false };

export interface AdmissionOptions {
  /** Answers being written at once; more wait for a slot. */
  readonly concurrency: number;
  /**
   * How long a click may wait for a slot before it is turned away (ms). Slack shows an error when
   * a click is not answered within 3 s: a click that waited this long, plus the writes of an
   * answer, would come close, so it is told to try again instead, with nothing stored.
   */
  readonly maxWaitMs: number;
}

interface Waiter {
  readonly start: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Admission control for the answer path: a bounded number of answers are written at once, and a
 * click that cannot start within `maxWaitMs` is shed before anything of it is stored. Under any
 * overload each click is then either stored and answered in time, or answered in time with an
 * honest "try again in a minute", never left for the platform to time out.
 */
export class AnswerAdmission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private shedCount = 0;

  constructor(private readonly options: AdmissionOptions) {}

  /** Clicks turned away so far. */
  get shed(): number {
    return this.shedCount;
  }

  async run<T>(work: () => Promise<T>): Promise<Admitted<T>> {
    if (!(await this.slot())) {
      this.shedCount++;
      return { admitted: false };
    }
    try {
      return { admitted: true, value: await work() };
    } finally {
      this.release();
    }
  }

  /** True once a slot is this caller's; false when none freed up in time. */
  private slot(): Promise<boolean> {
    if (this.running < this.options.concurrency && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve(true);
    }
    if (this.options.maxWaitMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve(true);
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve(false);
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the oldest waiter: `running` stays as it is.
    if (next) next.start();
    else this.running--;
  }
}
