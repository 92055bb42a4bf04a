// The staff directory: the demo users, a JSON file, and what is wrong with a bad one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoUsers } from '@cttech/auth';
import {
  demoStaffDirectory,
  parseStaffDirectory,
  readStaffDirectory,
  StaffDirectoryError,
} from './staff-directory.ts';

describe('the staff directory', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cttech-staff-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is the demo users at <userId>@cttech.example.org when no file is given', () => {
    const staff = demoStaffDirectory();
    expect(staff.map((member) => member.userId)).toEqual(demoUsers.map((user) => user.userId));
    expect(staff.find((member) => member.userId === 'reviewer-2')).toEqual({
      userId: 'reviewer-2',
      name: 'Demo compliance reviewer (second)',
      email: 'reviewer-2@cttech.example.org',
      roles: ['COMPLIANCE_REVIEWER'],
      partnerStates: ['KE'],
    });
  });

  it('reads a JSON file listing staff', async () => {
    const file = join(folder, 'staff.json');
    const staff = [
      {
        userId: 'officer-gh-1',
        name: 'Officer GH',
        email: 'o.gh@example.org',
        roles: ['PROGRAMME_OFFICER'],
        partnerStates: ['GH'],
      },
    ];
    await writeFile(file, JSON.stringify(staff));
    expect(await readStaffDirectory(file)).toEqual(staff);
  });

  it('names the entry and field at fault, and a user listed twice', () => {
    const refused = () =>
      parseStaffDirectory(
        [
          {
            userId: 'a',
            name: 'A',
            email: 'not-an-address',
            roles: ['PROGRAMME_OFFICER'],
            partnerStates: ['KE'],
          },
          {
            userId: 'a',
            name: 'A again',
            email: 'a@example.org',
            roles: ['JANITOR'],
            partnerStates: ['Kenya'],
          },
        ],
        'staff.json',
      );
    expect(refused).toThrow(StaffDirectoryError);
    expect(refused).toThrow(/the staff directory staff\.json is not valid: .*\[0\.email\]/);
    expect(refused).toThrow(/\[1\.roles\.0\] must be one of: PROGRAMME_OFFICER/);
    expect(refused).toThrow(/\[1\.partnerStates\.0\] an ISO 3166-1 alpha-2 code or \*/);
    const twice = {
      userId: 'a',
      name: 'A',
      email: 'a@example.org',
      roles: ['OPERATOR'],
      partnerStates: ['*'],
    };
    expect(() => parseStaffDirectory([twice, twice], 'staff.json')).toThrow(
      /\[1\.userId\] a is listed twice/,
    );
  });

  it('says when the file is missing or not JSON', async () => {
    await expect(readStaffDirectory(join(folder, 'missing.json'))).rejects.toThrow(
      /cannot be read/,
    );
    const file = join(folder, 'broken.json');
    await writeFile(file, '[{');
    await expect(readStaffDirectory(file)).rejects.toThrow(/is not JSON/);
  });
});
