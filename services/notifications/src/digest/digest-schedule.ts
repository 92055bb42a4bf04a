// When the daily digest runs: croner at DIGEST_CRON (UTC), each run making the digests of the
// day before it. At start it also makes those of its last scheduled run, in case the service
// was down then (made digests are never made twice).
import { Cron } from 'croner';

/** The UTC day before the instant's, `YYYY-MM-DD`. */
export function dayBefore(at: Date): string {
  return new Date(at.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export interface DigestScheduleOptions {
  readonly pattern: string;
  readonly run: (day: string) => Promise<unknown>;
  readonly logger?: { error(message: string): void } | undefined;
}

export class DigestSchedule {
  private readonly options: DigestScheduleOptions;
  private cron: Cron | undefined;
  private catchingUp: Promise<unknown> | undefined;

  constructor(options: DigestScheduleOptions) {
    this.options = options;
  }

  start(now = new Date()): void {
    if (this.cron) return;
    const { pattern, logger = console } = this.options;
    const run = async (day: string): Promise<void> => {
      try {
        await this.options.run(day);
      } catch (error) {
        logger.error(`notifications: the digest of ${day} failed: ${(error as Error).message}`);
      }
    };
    this.cron = new Cron(pattern, { timezone: 'UTC', protect: true }, (job: Cron) =>
      run(dayBefore(job.currentRun() ?? new Date())),
    );
    const [last] = this.cron.previousRuns(1, now);
    if (last) this.catchingUp = run(dayBefore(last));
  }

  async stop(): Promise<void> {
    this.cron?.stop();
    this.cron = undefined;
    await this.catchingUp;
  }
}
