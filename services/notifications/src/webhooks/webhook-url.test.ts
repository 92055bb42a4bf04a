// Which webhook URLs may be registered.
import { describe, expect, it } from '@jest/globals';
import { webhookUrlProblem } from './webhook-url.ts';

describe('which webhook URLs may be registered', () => {
  it('takes https anywhere and http on the loopback only', () => {
    expect(webhookUrlProblem('https://hooks.example.org/cttech')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(webhookUrlProblem('http://localhost/hook')).toBeUndefined();
    expect(webhookUrlProblem('http://[::1]:9000/')).toBeUndefined();
  });

  it('refuses plain http elsewhere, other schemes, credentials and non-URLs, saying why', () => {
    expect(webhookUrlProblem('http://hooks.example.org/')).toBe(
      'must be https (http only on a loopback address)',
    );
    expect(webhookUrlProblem('ftp://127.0.0.1/')).toMatch(/must be https/);
    expect(webhookUrlProblem('https://user:secret@hooks.example.org/')).toBe(
      'must not carry credentials',
    );
    expect(webhookUrlProblem('hooks.example.org')).toBe('must be an absolute URL');
  });
});
