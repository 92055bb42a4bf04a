// The browser tests' accessibility check itself: on a page made to break WCAG (an unlabelled
// field, an image without a text alternative, text without enough contrast), axe-core names
// each rule broken and the element that breaks it; on a page that keeps to them, nothing.
import { describe, expect, it } from '@jest/globals';
import { accessibilityProblems, consoleBrowser } from './console-browser.ts';

const { blankPage } = consoleBrowser();

describe("the browser tests' accessibility check", () => {
  it('names the rules a page breaks, with the elements that break them', async () => {
    const page = await blankPage();
    await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title></head>
      <body><main><h1>Check</h1>
        <input id="cycle" type="text">
        <img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <p id="faint" style="color:#bbbbbb;background:#ffffff">Overdue</p>
      </main></body></html>`);
    const problems = await accessibilityProblems(page);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^label \(critical\): .*#cycle/),
        expect.stringMatching(/^image-alt \(critical\): .*#chart/),
        expect.stringMatching(/^color-contrast \(serious\): .*#faint/),
      ]),
    );
  });

  it('finds nothing on a page that keeps to them', async () => {
    const page = await blankPage();
    await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title></head>
      <body><main><h1>Check</h1>
        <label for="cycle">Programme cycle</label><input id="cycle" type="text">
        <p style="color:#1f2328;background:#ffffff">Overdue</p>
      </main></body></html>`);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
