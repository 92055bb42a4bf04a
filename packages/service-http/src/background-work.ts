// Work a service runs beside its HTTP server (its event flow: relay and consumer): started once
// the application is up, stopped when it shuts down, before its connections close.
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

export interface BackgroundWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The injection token of the service's BackgroundWork, which BackgroundWorkRunner runs. */
export const BackgroundWork = Symbol('BackgroundWork');

@Injectable()
export class BackgroundWorkRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly work: BackgroundWork;

  constructor(@Inject(BackgroundWork) work: BackgroundWork) {
    this.work = work;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }
}
