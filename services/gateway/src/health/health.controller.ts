import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access-rules.ts';
import { GatewayError } from '../problem.ts';

/** A dependency the gateway cannot serve without, checked with a real call. */
export interface DependencyCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check(): Promise<void>;
}

export const DEPENDENCY_CHECKS = Symbol('DependencyChecks');

const checkTimeoutMs = 3_000;

function withTimeout(check: DependencyCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${checkTimeoutMs} ms`)),
      checkTimeoutMs,
    );
  });
  return Promise.race([check.check(), timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DEPENDENCY_CHECKS) private readonly dependencies: readonly DependencyCheck[],
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process serves requests' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: every dependency answers (503 naming those that do not)' })
  async ready() {
    const results = await Promise.all(
      this.dependencies.map(async (dependency) => {
        try {
          await withTimeout(dependency);
          return { name: dependency.name, ok: true as const };
        } catch (error) {
          return {
            name: dependency.name,
            ok: false as const,
            message: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    const failing = results.filter((result) => !result.ok);
    const dependencies = Object.fromEntries(
      results.map((result) => [result.name, result.ok ? 'up' : 'down']),
    );
    if (failing.length === 0) return { status: 'ready', dependencies };
    throw new GatewayError(
      'DEPENDENCY_UNAVAILABLE',
      `not ready: ${failing.map((result) => `${result.name} (${result.message})`).join('; ')}`,
      failing.map((result) => ({ field: result.name, message: result.message })),
    );
  }
}
