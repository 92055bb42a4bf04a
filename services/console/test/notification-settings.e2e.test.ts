// The notification settings in a real browser against the running system: the programme
// manager's choice of the daily digest without e-mail is refused next to it (nothing saved);
// a webhook on an address that is not https is refused, one on the loopback address is
// registered with its signing secret shown once, listed, and removed again.
import { afterAll, describe, expect, it } from '@jest/globals';
import { consoleBrowser, gatewayUrl } from './console-browser.ts';
import { tokenOf } from './engagement-api.ts';

const { signedIn, screenshot, pageErrors, accessibility } = consoleBrowser();

/** The manager's webhooks this test registered, removed whatever happened to the test. */
async function removeTestWebhooks(): Promise<void> {
  const headers = { authorization: `Bearer ${await tokenOf('manager-1')}` };
  const listed = await fetch(`${gatewayUrl}/api/v1/me/webhooks`, { headers });
  const webhooks = (await listed.json()) as { id: string; url: string }[];
  for (const { id, url } of webhooks) {
    if (url.startsWith(testWebhookPrefix)) {
      await fetch(`${gatewayUrl}/api/v1/me/webhooks/${id}`, { method: 'DELETE', headers });
    }
  }
}

const testWebhookPrefix = 'http://127.0.0.1:9/settings-test-';

afterAll(removeTestWebhooks);

describe('the notification settings in a browser, across the running system', () => {
  it("refuses what the rules do not allow, next to the field, and keeps the manager's webhooks", async () => {
    const manager = await signedIn('manager-1', 'Programme results');
    await manager.getByRole('link', { name: /^Notifications/ }).click();
    await manager.getByRole('link', { name: 'Choose where else you are told' }).click();
    await manager.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();

    const channels = manager.getByRole('form', { name: 'Where you are told' });
    const saved = { email: await channels.getByLabel('E-mail', { exact: true }).isChecked() };
    await channels.getByLabel('E-mail', { exact: true }).setChecked(false);
    await channels.getByLabel('Daily digest instead of an e-mail each').setChecked(true);
    await channels.getByRole('button', { name: 'Save settings' }).click();
    await channels
      .getByText('The daily digest needs email on: the digest is an e-mail')
      .first()
      .waitFor();
    expect(
      await channels
        .getByLabel('Daily digest instead of an e-mail each')
        .getAttribute('aria-invalid'),
    ).toBe('true');
    // nothing was saved: the page read afresh shows the settings as they were
    await manager.reload();
    await manager.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    expect(await channels.getByLabel('E-mail', { exact: true }).isChecked()).toBe(saved.email);
    expect(await channels.getByLabel('Daily digest instead of an e-mail each').isChecked()).toBe(
      false,
    );

    const webhooks = manager.getByRole('region', { name: 'Webhooks' });
    const address = webhooks.getByLabel('Address');
    await address.fill('http://example.org/cttech');
    await webhooks.getByRole('button', { name: 'Add webhook' }).click();
    await webhooks
      .getByText(/The webhook address must be https/)
      .first()
      .waitFor();
    const hook = `${testWebhookPrefix}${Date.now()}`;
    await address.fill(hook);
    await webhooks.getByRole('button', { name: 'Add webhook' }).click();
    await webhooks.getByText(`Registered ${hook}.`, { exact: false }).waitFor();
    expect(await webhooks.locator('code.secret').textContent()).toMatch(/^whsec_[0-9a-f]{64}$/);
    await webhooks.getByRole('cell', { name: hook, exact: true }).waitFor();
    await screenshot(manager, 'notification-settings');
    await webhooks.getByRole('button', { name: `Remove the webhook ${hook}` }).click();
    await webhooks.getByRole('cell', { name: hook, exact: true }).waitFor({ state: 'detached' });

    // the browser logs the two refusals this test provoked; nothing else may go wrong
    const provoked = 'status of 400 (Bad Request)';
    expect(pageErrors.filter((error) => error.includes(provoked))).toHaveLength(2);
    expect(pageErrors.filter((error) => !error.includes(provoked))).toEqual([]);
    expect(accessibility).toEqual([]);
  }, 120_000);
});
