import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validateWith } from '@cttech/domain';
import { z } from 'zod';
import { GatewayError } from './problem.ts';

/**
 * Validates each route argument that declares a zod schema (`@Body({ schema })`,
 * `@Query({ schema })`, `@Param('id', { schema })`): the parsed value, or a 400 problem
 * naming every field at fault in the same words the engagement's own rules use. Schemas are
 * strict objects, so a property the route does not expect is refused by name.
 */
@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { schema } = metadata;
    if (schema === undefined) return value;
    if (!(schema instanceof z.ZodType)) {
      throw new Error(`the ${metadata.type} schema of a route is not a zod schema`);
    }
    const result = validateWith(schema, value);
    if (result.ok) return result.value;
    const where = metadata.type === 'body' ? 'body' : metadata.type === 'query' ? 'query' : 'path';
    const prefix = metadata.type === 'param' && metadata.data ? `${metadata.data}` : '';
    const errors = result.problems.map(({ field, message }) => ({
      field: prefix && field === '' ? prefix : field,
      message,
    }));
    throw new GatewayError(
      'INVALID_REQUEST',
      `the request ${where} has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors
        .map(({ field, message }) => (field === '' ? message : `${field} ${message}`))
        .join('; ')}`,
      errors,
    );
  }
}
