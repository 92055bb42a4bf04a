import { describe, expect, it } from '@jest/globals';
import { trustedIssuersVariable } from './trusted-issuers.ts';

describe('the issuers a service trusts besides its identity provider', () => {
  const read = (value: string | undefined) => trustedIssuersVariable().safeParse(value);

  it('reads none when unset or empty', () => {
    expect(read(undefined)).toEqual({ success: true, data: [] });
    expect(read(' ')).toEqual({ success: true, data: [] });
  });

  it('reads each "<issuer> <jwks-url>" pair of a comma-separated list', () => {
    expect(
      read(
        'urn:cttech:development-issuer http://127.0.0.1:53000/dev/jwks.json, https://old-id.example.org  https://old-id.example.org/jwks',
      ),
    ).toEqual({
      success: true,
      data: [
        {
          issuer: 'urn:cttech:development-issuer',
          jwksUrl: 'http://127.0.0.1:53000/dev/jwks.json',
        },
        { issuer: 'https://old-id.example.org', jwksUrl: 'https://old-id.example.org/jwks' },
      ],
    });
  });

  it('names the entry that is not a pair with a URL', () => {
    const result = read('https://id.example.org, urn:x not a url');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ message }) => message)).toEqual([
      'expected "<issuer> <jwks-url>" for each trusted issuer, got "https://id.example.org"',
      'expected "<issuer> <jwks-url>" for each trusted issuer, got "urn:x not a url"',
    ]);
  });
});
