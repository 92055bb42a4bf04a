// Liveness and readiness, without a token: for the process supervisor and the gateway.
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

  /** Liveness: the process answers (`/health/live`, and `/health` as the other services). */
  @Get(['live', ''])
  live() {
    return { status: 'live' };
  }

  /** Readiness: 503 naming the dependency that does not answer. */
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
