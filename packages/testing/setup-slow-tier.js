// Integration and end-to-end tests talk to real servers: give them time (Jest's own
// testTimeout option is global, so each tier sets its own here).
import { jest } from '@jest/globals';

jest.setTimeout(Number(process.env.CTTECH_TEST_TIMEOUT_MS ?? 120_000));
