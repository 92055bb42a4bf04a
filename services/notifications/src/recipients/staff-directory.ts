// The staff directory: who may be notified, with their e-mail address, roles and partner
// states. Read from a JSON file at start (STAFF_DIRECTORY_FILE) or, without one, made from the
// demo users of @cttech/auth. In production it would be synchronised from the identity provider.
import { readFile } from 'node:fs/promises';
import { demoUsers, roles, type Role } from '@cttech/auth';
import { validateWith } from '@cttech/domain';
import { z } from 'zod';

/** A member of staff as the directory lists them. */
export interface StaffMember {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  /** ISO 3166-1 alpha-2 codes, or `['*']` for the whole programme. */
  readonly partnerStates: readonly string[];
}

const staffMemberSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  roles: z.array(z.enum(roles)).min(1),
  partnerStates: z.array(z.string().regex(/^([A-Z]{2}|\*)$/, 'an ISO 3166-1 alpha-2 code or *')),
});

export const staffDirectorySchema = z
  .array(staffMemberSchema)
  .min(1)
  .superRefine((staff, context) => {
    const seen = new Set<string>();
    staff.forEach((member, index) => {
      if (seen.has(member.userId)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'userId'],
          message: `${member.userId} is listed twice`,
        });
      }
      seen.add(member.userId);
    });
  });

/** The directory file cannot be read, or does not list staff as expected. */
export class StaffDirectoryError extends Error {
  constructor(file: string, reason: string) {
    super(`the staff directory ${file} ${reason}`);
    this.name = 'StaffDirectoryError';
  }
}

/** The staff a directory document lists, or a StaffDirectoryError naming each field at fault. */
export function parseStaffDirectory(document: unknown, file: string): StaffMember[] {
  const validated = validateWith(staffDirectorySchema, document);
  if (validated.ok) return validated.value;
  const listed = validated.problems
    .map(({ field, message }) => (field === '' ? message : `[${field}] ${message}`))
    .join('; ');
  throw new StaffDirectoryError(file, `is not valid: ${listed}`);
}

export async function readStaffDirectory(file: string): Promise<StaffMember[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StaffDirectoryError(file, `cannot be read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new StaffDirectoryError(file, `is not JSON: ${(error as Error).message}`);
  }
  return parseStaffDirectory(document, file);
}

/** The demo users of @cttech/auth, each at `<userId>@cttech.example.org` (local use only). */
export function demoStaffDirectory(): StaffMember[] {
  return demoUsers.map((user) => ({ ...user, email: `${user.userId}@cttech.example.org` }));
}
