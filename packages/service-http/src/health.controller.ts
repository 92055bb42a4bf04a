// Liveness and readiness, without authentication (the only routes open to anyone): for the
// process supervisor and the gateway. A service registers it with its Readiness provided.
import { Controller, Get, Inject } from '@nestjs/common';
import { WithoutAuthentication } from './access.ts';
import { Readiness } from './service-readiness.ts';

@Controller('health')
@WithoutAuthentication()
export class HealthController {
  private readonly readiness: Readiness;

  constructor(@Inject(Readiness) readiness: Readiness) {
    this.readiness = readiness;
  }

  /** Liveness: the process answers (`/health` and `/health/live`). */
  @Get(['', 'live'])
  live() {
    return { status: 'live' };
  }

  /** Readiness: 503 naming each dependency that does not answer. */
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
