import { describe, expect, it } from '@jest/globals';
import { prefersMinimalReturn } from './engagement-requests.ts';

describe('the Prefer header of an open (RFC 7240)', () => {
  it('asks for the minimal answer with return=minimal, however it is written', () => {
    expect(prefersMinimalReturn('return=minimal')).toBe(true);
    expect(prefersMinimalReturn('Return = "minimal"')).toBe(true);
    expect(prefersMinimalReturn('respond-async, return=minimal; x=1')).toBe(true);
  });

  it('keeps the full status otherwise', () => {
    expect(prefersMinimalReturn(undefined)).toBe(false);
    expect(prefersMinimalReturn('')).toBe(false);
    expect(prefersMinimalReturn('return=representation')).toBe(false);
    expect(prefersMinimalReturn('minimal')).toBe(false);
    expect(prefersMinimalReturn('wait=10; return=minimal')).toBe(false);
  });
});
