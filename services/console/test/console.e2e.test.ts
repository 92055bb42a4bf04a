// The console in a real browser (Debian's Chromium, driven by playwright-core) against the
// running system: an officer opens a fresh Kenyan engagement, fills in the kick-off report and
// submits the milestone; a second reviewer approves it with every criterion met; the officer
// sees it in the needs assessment, fills in its form (a rank used twice is refused first, in
// the browser) and submits that milestone too; the operator's overview shows it, the manager's
// results count it. Each role's main page is saved as a screenshot in artifacts/console/ and
// checked for accessibility problems (axe-core, WCAG 2.1 A and AA).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { complianceChecklist, findCourse } from '@cttech/domain';
import {
  financialIntelligenceStakeholder as intelligence,
  kickOffReport,
  needsAssessment as assessed,
  policeStakeholder as police,
} from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  consoleBrowser,
  eventually,
  screenshots,
} from './console-browser.ts';
import { unusedKenyanCycles } from './engagement-api.ts';

const { signedIn, screenshot, pageErrors, accessibility } = consoleBrowser();

/** Kenya's engagements as the manager's results count them (0 before Kenya's first). */
async function kenyaEngagements(page: Page): Promise<number> {
  const table = page.getByRole('region', { name: 'Engagements per partner state' });
  await table.waitFor();
  const kenya = table.getByRole('row', { name: /^Kenya\b/ });
  if ((await kenya.count()) === 0) return 0;
  return Number(await kenya.getByRole('cell').textContent());
}

describe('the console in a browser, across the running system', () => {
  it("takes a Kenyan kick-off from the officer's form through a reviewer's sign-off to the results", async () => {
    const manager = await signedIn('manager-1', 'Programme results');
    const kenyaBefore = await kenyaEngagements(manager);

    // the officer opens a fresh engagement (a cycle no earlier run has used)
    const officer = await signedIn('officer-ke-1', 'My engagements');
    let engagementId: string | undefined;
    for (const cycle of (await unusedKenyanCycles()).slice(0, 10)) {
      if (engagementId !== undefined) break;
      await officer.getByLabel('Programme cycle (year)').fill(String(cycle));
      await officer.getByRole('button', { name: 'Open engagement' }).click();
      // an engagement closed earlier is not opened again: the form says so
      const opened = officer.getByRole('heading', {
        name: new RegExp(`^Kenya ${cycle}\\b`),
        level: 1,
      });
      const refused = officer.getByRole('heading', { name: 'There is a problem' });
      await opened.or(refused).waitFor();
      if (await refused.isVisible()) {
        await officer.reload();
        await officer.getByRole('heading', { name: 'My engagements', level: 1 }).waitFor();
        continue;
      }
      const notice = await officer
        .getByText(/was already open|is open, at its kick-off/)
        .textContent();
      if (notice?.includes('is open, at its kick-off')) engagementId = `engagement-KE-${cycle}`;
      else await officer.getByRole('link', { name: 'Engagements', exact: true }).first().click();
    }
    if (engagementId === undefined) throw new Error('no fresh Kenyan engagement could be opened');
    const cycle = engagementId.slice(-4);

    // the domain's rules, in the form: what is missing shows next to its field
    await officer.getByRole('button', { name: 'Save kick-off report' }).click();
    await officer.getByRole('heading', { name: /There are \d+ problems/ }).waitFor();
    const firstStakeholder = officer.getByRole('group', { name: 'Stakeholder 1' });
    await firstStakeholder.getByText('Stakeholder 1: organisation must not be empty').waitFor();
    expect(await firstStakeholder.getByLabel('Organisation').getAttribute('aria-invalid')).toBe(
      'true',
    );

    // the kick-off report, filled in as a person would
    await firstStakeholder
      .getByLabel('Agency')
      .selectOption({ label: 'Counter-terrorism police unit' });
    await firstStakeholder.getByLabel('Organisation').fill(police.organisation);
    await officer.getByRole('button', { name: 'Add a stakeholder' }).click();
    const secondStakeholder = officer.getByRole('group', { name: 'Stakeholder 2' });
    await secondStakeholder
      .getByLabel('Agency')
      .selectOption({ label: 'Financial intelligence unit' });
    await secondStakeholder.getByLabel('Organisation').fill(intelligence.organisation);
    await secondStakeholder.getByLabel(/Contribution/).fill(intelligence.contribution);
    await officer.getByLabel('Needs identified').fill(kickOffReport.needsIdentified.join('\n'));
    const plan = kickOffReport.assistancePlan;
    await officer.getByLabel('Summary').fill(plan.summary);
    await officer.getByLabel('Period start').fill(plan.periodStart);
    await officer.getByLabel('Period end').fill(plan.periodEnd);
    await officer.getByLabel('Planned outputs').fill(plan.plannedOutputs.join('\n'));
    await officer.getByRole('button', { name: 'Save kick-off report' }).click();
    await officer.getByText('Kick-off report saved.').waitFor();
    await officer.getByRole('button', { name: 'Submit milestone for review' }).click();
    const standing = officer.getByRole('region', { name: 'Where it stands' });
    await standing.getByText('Awaiting review', { exact: true }).waitFor();
    await screenshot(officer, 'officer-engagement');

    // a second reviewer (not the submitter: four eyes) finds it in the queue and approves it
    const reviewer = await signedIn('reviewer-2', 'Review queue');
    const reviewLink = reviewer.getByRole('link', { name: `Kick-off of ${engagementId}` });
    await reviewLink.waitFor(eventually);
    await screenshot(reviewer, 'reviewer');
    await reviewLink.click();
    await reviewer
      .getByRole('heading', { name: `Review of the kick-off milestone: Kenya ${cycle}`, level: 1 })
      .waitFor();
    const submission = reviewer.getByRole('region', { name: "The officer's submission" });
    await submission.getByText(police.organisation, { exact: false }).first().waitFor();
    for (const criterion of complianceChecklist('KICK_OFF')) {
      const group = reviewer.getByRole('group', { name: criterion.title });
      await group.getByText(criterion.evidenceRequired).waitFor();
      await group.getByRole('radio', { name: 'Met', exact: true }).check();
    }
    await screenshot(reviewer, 'reviewer-review');
    await reviewer.getByRole('button', { name: 'Approve milestone' }).click();
    await reviewer.getByText('You approved this milestone.', { exact: false }).waitFor();

    // the officer's open page hears of it at once, from the live stream of notifications
    await officer
      .getByText(new RegExp(`^New notification: .*${engagementId}`))
      .waitFor({ state: 'attached', ...eventually });

    // the officer sees the engagement move to its needs assessment
    await officer.getByRole('link', { name: 'Engagements', exact: true }).first().click();
    await officer.getByRole('heading', { name: 'My engagements', level: 1 }).waitFor();
    const needsAssessment = officer.getByRole('region', { name: /^Needs assessment/ });
    await needsAssessment.getByRole('link', { name: `Kenya ${cycle}` }).waitFor(eventually);
    await screenshot(officer, 'officer');
    // the board reflows at a tablet's width
    await officer.setViewportSize({ width: 820, height: 1180 });
    await screenshot(officer, 'officer-tablet', false);
    await officer.setViewportSize({ width: 1280, height: 900 });

    // the officer records the needs assessment in its form; a rank used twice is refused in
    // the browser, next to the need concerned, and nothing is sent
    const assessmentSaves: string[] = [];
    officer.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/submissions/NEEDS_ASSESSMENT')) {
        assessmentSaves.push(request.url());
      }
    });
    await needsAssessment.getByRole('link', { name: `Kenya ${cycle}` }).click();
    const assessment = officer.getByRole('form', { name: 'Needs assessment', exact: true });
    for (const [pillar, { readinessScore, evidence }] of Object.entries(assessed.pillars)) {
      const group = assessment.getByRole('group', {
        name: `${pillar.charAt(0).toUpperCase()}${pillar.slice(1)} pillar`,
      });
      await group.getByLabel('Readiness').selectOption(String(readinessScore));
      await group.getByLabel('Evidence').fill(evidence);
    }
    await assessment.getByLabel('Gaps').fill(assessed.gaps.join('\n'));
    const need = (number: number) =>
      assessment.getByRole('group', { name: `Training need ${number}`, exact: true });
    for (const [index, { course }] of assessed.trainingNeeds.slice(0, 2).entries()) {
      if (index > 0) await assessment.getByRole('button', { name: 'Add a training need' }).click();
      const row = need(index + 1);
      await row.getByLabel('Course').selectOption({ label: findCourse(course)?.title ?? course });
      await row.getByLabel('Rank').fill('1');
    }
    const save = assessment.getByRole('button', { name: 'Save needs assessment' });
    await save.click();
    const secondRank = need(2).getByLabel('Rank');
    await need(2)
      .getByText('Training need 2: rank repeats the rank of training need 1: ranks run from 1 to 2')
      .waitFor();
    expect(await secondRank.getAttribute('aria-invalid')).toBe('true');
    await assessment.screenshot({ path: `${screenshots}officer-needs-assessment.png` });
    for (const problem of await accessibilityProblems(officer)) {
      accessibility.push(`officer-needs-assessment: ${problem}`);
    }
    expect(assessmentSaves).toEqual([]);
    await secondRank.fill('2');
    await save.click();
    await assessment.getByText('Needs assessment saved.').waitFor();
    expect(assessmentSaves).toHaveLength(1);
    await officer.getByRole('button', { name: 'Submit milestone for review' }).click();
    await standing.getByText('Awaiting review', { exact: true }).waitFor();
    await standing
      .getByText(/^Review the needs assessment milestone, waiting on a compliance reviewer/)
      .waitFor();
    // frozen while it is reviewed: the form gives way to what was recorded
    await assessment.waitFor({ state: 'detached' });

    // the officer was told, in their inbox
    await officer.getByRole('link', { name: /^Notifications/ }).click();
    await officer.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await officer
      .getByRole('link', { name: `Open ${engagementId}` })
      .first()
      .waitFor(eventually);
    await screenshot(officer, 'notifications', false);

    // the operator's overview shows it at its needs assessment, linked to Temporal's UI
    const operator = await signedIn('operator-1', 'System overview');
    const recent = operator.getByRole('region', { name: 'Recently opened engagements' });
    const row = recent.getByRole('row', { name: new RegExp(`^${engagementId}\\b`) });
    await row.getByRole('cell', { name: 'Needs assessment' }).waitFor(eventually);
    expect(await row.getByRole('link').getAttribute('href')).toBe(
      `http://127.0.0.1:58233/namespaces/default/workflows/${engagementId}`,
    );
    await operator.getByRole('region', { name: 'Service health' }).getByText('Ready').waitFor();
    await screenshot(operator, 'operator');

    // the manager's results count one more Kenyan engagement, and export as CSV
    await manager.reload();
    await manager.getByRole('heading', { name: 'Programme results', level: 1 }).waitFor();
    const kenyaAfter = await waitFor(
      async () => {
        const count = await kenyaEngagements(manager);
        return count > kenyaBefore ? count : undefined;
      },
      { what: "Kenya's engagements counting the new one", timeoutMs: 60_000 },
    );
    expect(kenyaAfter).toBe(kenyaBefore + 1);
    await manager
      .getByRole('region', { name: 'Investigators trained, by sex' })
      .getByRole('figure')
      .waitFor();
    await screenshot(manager, 'manager');
    // after a page load, the keyboard starts at the skip link
    await manager.keyboard.press('Tab');
    expect(await manager.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    const [download] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('button', { name: 'Download the indicators (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^scope,indicator,/);

    // signing out forgets the token: the tab is back at the sign-in page
    await officer.getByRole('button', { name: 'Sign out' }).click();
    await officer.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await officer.evaluate(() => sessionStorage.length)).toBe(0);

    expect(pageErrors).toEqual([]);
    expect(accessibility).toEqual([]);
  }, 300_000);
});
