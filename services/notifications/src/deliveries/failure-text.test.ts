// Failure reasons as stored and shown: no e-mail addresses, causes named, bounded.
import { describe, expect, it } from '@jest/globals';
import { failureText } from './failure-text.ts';

describe('why a delivery failed, as stored and shown', () => {
  it('leaves out e-mail addresses an SMTP reply quotes', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 <reviewer-1@cttech.example.org> mailbox unavailable",
      ),
      {
        code: 'EENVELOPE',
      },
    );
    expect(failureText(error)).toBe(
      "Can't send mail - all recipients were rejected: 550 <<address>> mailbox unavailable (EENVELOPE)",
    );
  });

  it('says what caused a failed fetch', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    expect(failureText(error)).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('keeps at most 500 characters', () => {
    expect(failureText(new Error('x'.repeat(2_000)))).toHaveLength(500);
  });
});
