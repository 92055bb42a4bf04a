import { z } from 'zod';

/** Every bad or missing variable found at boot, listed at once. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Validates the environment against a schema of variables, once, at boot. The result is
 * typed; nothing else in a service reads `process.env`. Throws a {@link ConfigError} naming
 * every variable that is missing or wrong, never only the first.
 */
export function loadConfig<Shape extends z.ZodRawShape>(
  variables: Shape,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(variables).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && env[variable] === undefined;
    return missing ? `${variable} is required` : `${variable}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** Variable types that recur across services. */
export const variable = {
  port: () => z.coerce.number().int().min(1).max(65_535),
  url: () => z.url(),
  /** A comma-separated list of host:port pairs. */
  hostPorts: () =>
    z
      .string()
      .transform((value) => value.split(',').map((part) => part.trim()))
      .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')).min(1)),
  boolean: () =>
    z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
  /** A value that must never be printed: logged as '***' by {@link describeConfig}. */
  secret: () => z.string().min(1).brand<'secret'>(),
};

/** The configuration as it can be logged: values of the named sensitive keys are masked. */
export function describeConfig(
  config: Record<string, unknown>,
  sensitive: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, sensitive.includes(key) ? '***' : value]),
  );
}
