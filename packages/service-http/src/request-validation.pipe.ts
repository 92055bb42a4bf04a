import { validateWith } from '@cttech/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { serviceError } from './service-error.ts';

/**
 * Validates every route argument that declares a zod schema (`@Body({ schema })`,
 * `@Query({ schema })`, `@Param('id', { schema })`): the parsed value, or a 400 problem naming
 * each field at fault. Strict object schemas reject unknown properties.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { schema } = metadata;
    if (schema === undefined) return value;
    if (!(schema instanceof z.ZodType)) {
      throw new Error('route arguments are validated with zod schemas only');
    }
    const validated = validateWith(schema, value);
    if (validated.ok) return validated.value;
    const where = metadata.type === 'custom' ? 'argument' : metadata.type;
    const listed = validated.problems
      .map(({ field, message }) => (field === '' ? message : `${field} ${message}`))
      .join('; ');
    throw serviceError(
      'INVALID_REQUEST',
      `the request ${where} is not valid: ${listed}`,
      validated.problems,
    );
  }
}
