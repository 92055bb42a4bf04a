// Liveness and readiness, without authentication (the only routes open to anyone).
import { Controller, Get, Inject } from '@nestjs/common';
import { WithoutAuthentication } from '@cttech/service-http';
import { Readiness } from './readiness.ts';

@Controller('health')
@WithoutAuthentication()
export class HealthController {
  private readonly readiness: Readiness;

  constructor(@Inject(Readiness) readiness: Readiness) {
    this.readiness = readiness;
  }

  /** Liveness: the process answers (`/health` as the other services, `/health/live`). */
  @Get(['', 'live'])
  live() {
    return { status: 'live' };
  }

  /** Readiness: 503 naming the dependency that does not answer. */
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
