// Signing in through the identity provider in a real browser, against the running system: the
// gateway tells the sign-in page which provider to use (the local OpenID Connect provider that
// `pnpm infra up` runs), the user signs in there (a wrong password is refused on its page), comes
// back signed in on their own page, whose data the gateway and the services answer for the
// provider's token; signing out ends the provider's session too, so the next sign-in asks again.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { consoleBrowser, consoleUrl, gatewayUrl } from './console-browser.ts';

const { blankPage, screenshot, pageErrors, accessibility } = consoleBrowser();

interface SignInOptions {
  readonly identityProvider: { issuer: string; clientId: string; scope: string } | null;
  readonly developmentUsers: boolean;
}

async function signInOptions(): Promise<SignInOptions> {
  const response = await fetch(`${gatewayUrl}/console/sign-in-options.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as SignInOptions;
}

/** Collects what goes wrong in the console's pages (a CSP refusal is a console error). */
function watched(page: Page, who: string): Page {
  page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${who}: ${message.text()}`);
  });
  return page;
}

/** At the provider's sign-in page: types the username and password and submits them. */
async function signInAtProvider(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('signing in through the identity provider, in a browser', () => {
  it('signs a reviewer in at the provider, shows their queue, and signs them out there too', async () => {
    const { identityProvider } = await signInOptions();
    expect(identityProvider).not.toBeNull();
    const issuer = new URL(identityProvider!.issuer);

    const page = watched(await blankPage(), 'reviewer-1');
    await page.goto(`${consoleUrl}reviews`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await screenshot(page, 'console-sign-in');
    await page
      .getByRole('button', { name: `Sign in with your organisation's account at ${issuer.host}` })
      .click();

    // the provider's own page, on its own origin
    await page.waitForURL((url) => url.origin === issuer.origin);
    await signInAtProvider(page, 'reviewer-1', 'not-the-password');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Unknown username or wrong password.' })
      .waitFor();
    await screenshot(page, 'identity-provider-sign-in');
    await signInAtProvider(page, 'reviewer-1', 'reviewer-1');

    // back in the console, on the page the reviewer asked for, answered for the provider's token
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/reviews');
    await expect(page.getByText('Demo compliance reviewer').first().isVisible()).resolves.toBe(
      true,
    );
    const token = await page.evaluate(() =>
      window.sessionStorage.getItem('cttech.console.accessToken'),
    );
    const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as {
      iss: string;
      sub: string;
    };
    expect(claims).toMatchObject({ iss: identityProvider!.issuer, sub: 'reviewer-1' });
    // every service behind the gateway verifies the token itself, and accepts it: compliance
    // and notifications list the reviewer's; activities knows no engagement of that id (its own
    // 404, after checking the token), which a refused token would have made a 401
    const answers: { path: string; status: number; code?: string }[] = [];
    for (const path of [
      '/api/v1/reviews',
      '/api/v1/notifications',
      `/api/v1/engagements/engagement-KE-2101/activities`,
    ]) {
      const response = await fetch(`${gatewayUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { code?: string };
      answers.push({ path, status: response.status, ...(body.code ? { code: body.code } : {}) });
    }
    expect(answers).toEqual([
      { path: '/api/v1/reviews', status: 200 },
      { path: '/api/v1/notifications', status: 200 },
      {
        path: '/api/v1/engagements/engagement-KE-2101/activities',
        status: 404,
        code: 'ENGAGEMENT_NOT_FOUND',
      },
    ]);
    await screenshot(page, 'identity-provider-signed-in');

    // signing out ends the provider's session too: the next sign-in asks for the password
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === issuer.origin);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(gatewayUrl).origin);
    await page
      .getByRole('button', { name: `Sign in with your organisation's account at ${issuer.host}` })
      .click();
    await page.waitForURL((url) => url.origin === issuer.origin);
    await page.getByLabel('Password').waitFor();

    expect(pageErrors).toEqual([]);
    expect(accessibility).toEqual([]);
  });

  it('says so in the console when the user cancels at the provider, and signs nobody in', async () => {
    const { identityProvider } = await signInOptions();
    const issuer = new URL(identityProvider!.issuer);
    const page = await blankPage();
    await page.goto(consoleUrl);
    await page
      .getByRole('button', { name: `Sign in with your organisation's account at ${issuer.host}` })
      .click();
    await page.waitForURL((url) => url.origin === issuer.origin);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByText(/did not sign you in: the user cancelled signing in \(access_denied\)/)
      .waitFor();
    expect(
      await page.evaluate(() => window.sessionStorage.getItem('cttech.console.accessToken')),
    ).toBeNull();
    await page
      .getByRole('link', { name: /sign in/i })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });
});
