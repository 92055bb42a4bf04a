// The engagement's controls in a real browser against the running system: on a fresh Kenyan
// engagement the programme manager suspends it with a reason and resumes it; a compliance
// reviewer puts it on hold for a human-rights concern (the manager is then offered no resume:
// only lifting the hold resumes it) and lifts the hold with its resolution. The manager's
// escalations page and the operator's dead letters (with their replay buttons) are shown too.
// The pages screenshotted are checked for accessibility problems (axe-core).
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { consoleBrowser, consoleUrl, eventually } from './console-browser.ts';
import { freshKenyanEngagement } from './engagement-api.ts';

const { signedIn, screenshot, pageErrors, accessibility } = consoleBrowser();

async function openEngagement(page: Page, engagementId: string): Promise<void> {
  await page.goto(`${consoleUrl}engagements/${engagementId}`);
  await page.getByRole('region', { name: 'Where it stands' }).waitFor();
}

/** Opens the control's form, gives its statement (if it asks for one) and confirms. */
async function useControl(
  page: Page,
  control: string,
  confirm: string,
  statement?: { label: string; text: string },
): Promise<void> {
  const controls = page.getByRole('region', { name: 'Hold, suspend or cancel' });
  await controls.getByRole('button', { name: control, exact: true }).click();
  const form = controls.getByRole('form', { name: control });
  if (statement !== undefined) {
    // an empty statement is refused next to its field, and nothing is sent
    await form.getByRole('button', { name: confirm }).click();
    await form.getByText(`${statement.label} is required`).waitFor();
    await form.getByLabel(statement.label).fill(statement.text);
  }
  await form.getByRole('button', { name: confirm }).click();
}

describe("the engagement's controls in a browser, across the running system", () => {
  it('lets the manager suspend and resume, and a reviewer hold and lift the hold', async () => {
    const engagementId = await freshKenyanEngagement();
    const manager = await signedIn('manager-1', 'Programme results');
    await openEngagement(manager, engagementId);
    const state = (page: Page, words: string) =>
      page
        .getByRole('region', { name: 'Where it stands' })
        .getByText(words, { exact: true })
        .waitFor(eventually);

    await useControl(manager, 'Suspend', 'Suspend the engagement', {
      label: 'Reason for suspending',
      text: 'National elections: the ministries asked for a pause.',
    });
    await state(manager, 'Suspended');
    await useControl(manager, 'Resume', 'Resume the engagement');
    await state(manager, 'In progress');

    const reviewer = await signedIn('reviewer-2', 'Review queue');
    await openEngagement(reviewer, engagementId);
    await useControl(reviewer, 'Put on hold', 'Put the engagement on hold', {
      label: 'Human-rights concern',
      text: 'Reports of unlawful surveillance by a unit named for training.',
    });
    await state(reviewer, 'Suspended');
    await reviewer.getByText('Human-rights hold', { exact: true }).waitFor();
    await screenshot(reviewer, 'reviewer-hold');

    // held for human rights: the manager may cancel, but only lifting the hold resumes it
    await openEngagement(manager, engagementId);
    await state(manager, 'Suspended');
    const managerControls = manager.getByRole('region', { name: 'Hold, suspend or cancel' });
    await managerControls.getByRole('button', { name: 'Cancel the engagement' }).waitFor();
    expect(await managerControls.getByRole('button', { name: 'Resume' }).count()).toBe(0);

    await useControl(reviewer, 'Lift the hold', 'Lift the hold', {
      label: 'Resolution',
      text: 'The unit was replaced by a vetted one; the ministry confirmed in writing.',
    });
    await state(reviewer, 'In progress');
    await openEngagement(manager, engagementId);
    await state(manager, 'In progress');
    await managerControls.getByRole('button', { name: 'Suspend', exact: true }).waitFor();

    // the manager's escalations page and the operator's dead letters are there to be used
    await manager.getByRole('link', { name: 'Escalations' }).click();
    await manager.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await screenshot(manager, 'manager-escalations');
    const operator = await signedIn('operator-1', 'System overview');
    await operator.getByRole('heading', { name: 'Dead letters', exact: true }).waitFor();

    expect(pageErrors).toEqual([]);
    expect(accessibility).toEqual([]);
  }, 180_000);
});
