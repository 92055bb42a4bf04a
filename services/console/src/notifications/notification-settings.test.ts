import { describe, expect, it } from '@jest/globals';
import { channelChoices, settingsMessages } from './notification-settings.ts';

describe('the notification settings', () => {
  it('offers the daily digest to programme managers only', () => {
    expect(channelChoices(false).map(({ field }) => field)).toEqual(['email', 'webhook']);
    expect(channelChoices(true).map(({ field }) => field)).toEqual([
      'email',
      'webhook',
      'digestOnly',
    ]);
  });

  it("places the API's problems by their field, in words", () => {
    expect(
      settingsMessages([
        { field: 'digestOnly', message: 'needs email on: the digest is an e-mail' },
        { field: 'url', message: 'must be https (http only on a loopback address)' },
        { field: 'colour', message: 'is not expected' },
      ]),
    ).toEqual({
      digestOnly: ['The daily digest needs email on: the digest is an e-mail'],
      url: ['The webhook address must be https (http only on a loopback address)'],
      '': ['colour is not expected'],
    });
  });
});
