// What callers may send about human-rights holds, checked at the gateway's edge for shape
// (strict: unknown properties refused by name).
import { z } from 'zod';

const statement = z.string().trim().min(1).max(4000);

export const placeHoldBody = z.strictObject({ concern: statement });
export type PlaceHoldBody = z.infer<typeof placeHoldBody>;

export const liftHoldBody = z.strictObject({ resolution: statement });
export type LiftHoldBody = z.infer<typeof liftHoldBody>;

export const holdIdSchema = z.uuid();
