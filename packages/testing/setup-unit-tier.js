// Unit tests need no servers, but some start an application in memory (a Nest app, a key
// pair): on a loaded two-core CI machine Jest's 5 s default for a hook is not enough.
import { jest } from '@jest/globals';

jest.setTimeout(Number(process.env.CTTECH_UNIT_TEST_TIMEOUT_MS ?? 30_000));
