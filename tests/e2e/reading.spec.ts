/**
 * Reading a story: the interview starts on the first screen, the outline keeps the reader's place
 * (a rail that marks the current question on wide screens, a disclosure on narrow ones), "/"
 * reaches search without moving the page, and the text keeps a readable measure.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { storyPages } from "../support/site.ts";

const stories = storyPages();
const screens = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** The first paragraph of the first answer: after the first question, else the transcript's first. */
function firstAnswer(page: Page) {
  return page.locator(".transcript h2 ~ p, .transcript > p").first();
}

/** The story with the most questions: the hardest test of the rail. */
async function longestOutline(page: Page): Promise<string> {
  let best = { path: "", questions: -1 };
  for (const { path } of stories) {
    await page.goto(path);
    const questions = await page.locator(".transcript h2").count();
    if (questions > best.questions) best = { path, questions };
  }
  return best.path;
}

test("a story page shows the person, an outline and linkable questions", async ({ page }) => {
  await page.goto("stories/dmitry-petrashko/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dmitry Petrashko");
  const outline = page.getByRole("navigation", { name: "Questions in this story" });
  const firstQuestion = outline.getByRole("link").first();
  const target = await firstQuestion.getAttribute("href");
  expect(target).toMatch(/^#[a-z0-9-]+$/);
  await firstQuestion.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(`h2${target}`)).toBeInViewport();
});

for (const { path } of stories) {
  for (const screen of screens) {
    test(`first answer on the first screen at ${screen.width}×${screen.height}: ${path}`, async ({ page }) => {
      await page.setViewportSize(screen);
      await page.goto(path);
      const answer = firstAnswer(page);
      await expect(answer, `${path} has no answer paragraph`).toBeVisible();
      const top = await answer.evaluate(
        (el) => el.getBoundingClientRect().top + parseFloat(getComputedStyle(el).lineHeight),
      );
      expect(top, `${path}: the first line of the first answer ends at y=${Math.round(top)}`).toBeLessThanOrEqual(
        screen.height,
      );
    });
  }
}

test("at 1440×900, halfway down a story, every question is on screen and the current one is marked", async ({
  page,
}) => {
  const path = await longestOutline(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(path);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2 - innerHeight / 2));
  const outline = page.getByRole("navigation", { name: "Questions in this story" });
  const links = outline.getByRole("link");
  const questions = await page.locator(".transcript h2").count();
  await expect(links).toHaveCount(questions);
  for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });

  // The marked link is the question whose heading was passed last.
  const current = outline.locator("a[aria-current]");
  await expect(current).toHaveCount(1);
  const reading = await page.evaluate(() => {
    const passed = [...document.querySelectorAll<HTMLElement>(".transcript h2")].filter(
      (h) => h.getBoundingClientRect().top <= innerHeight / 3,
    );
    return passed.at(-1)?.id;
  });
  await expect(current).toHaveAttribute("href", `#${reading}`);

  // Scrolling on moves the mark with the reader.
  await page
    .locator(".transcript h2")
    .last()
    .evaluate((h) => h.scrollIntoView());
  await expect(outline.locator("a[aria-current]")).toHaveAttribute(
    "href",
    `#${await page.locator(".transcript h2").last().getAttribute("id")}`,
  );
});

for (const screen of [{ width: 1440, height: 900 }, ...screens]) {
  test(`"/" halfway down a story focuses a visible search box without moving the page (${screen.width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    await page.goto(stories[0]!.path);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    await page.locator("body").press("/");
    const box = page.getByRole("searchbox", { name: "Search the archive" });
    await expect(box).toBeFocused();
    await expect(box).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // Esc in the empty box lets go of it, and the header goes back to its place at the top.
    await page.keyboard.press("Escape");
    await expect(box).not.toBeFocused();
    await expect(box).not.toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });
}

test("on a phone the questions are one tap away: a closed disclosure up top, a way back from every answer", async ({
  page,
}) => {
  const path = await longestOutline(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  const questions = await page.locator(".transcript h2").count();
  const summary = page.locator("#outline summary");
  await expect(summary).toHaveText(`${questions} questions`);
  const links = page.getByRole("navigation", { name: "Questions in this story" }).getByRole("link");
  await expect(links.first()).toBeHidden();

  // From deep inside the transcript, the "Questions" link is on screen and opens the list.
  await page
    .locator(".transcript h2")
    .nth(Math.floor(questions / 2))
    .scrollIntoViewIfNeeded();
  const back = page.getByRole("link", { name: "Questions", exact: true });
  await expect(back).toBeInViewport();
  await back.click();
  await expect(links.first()).toBeVisible();
  await expect(summary).toBeInViewport();
});

test("body text is 18–20 px with 55–75 characters a line at 1280 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(stories[0]!.path);
  const measured = await page.evaluate(() => {
    // The longest paragraph of the transcript, its characters grouped by the line they sit on.
    const paragraph = [...document.querySelectorAll<HTMLElement>(".transcript p")].sort(
      (a, b) => (b.textContent ?? "").length - (a.textContent ?? "").length,
    )[0];
    if (!paragraph) return { size: 0, lines: [] as number[] };
    const range = document.createRange();
    const perLine = new Map<number, number>();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node.textContent ?? "").length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        perLine.set(top, (perLine.get(top) ?? 0) + 1);
      }
    }
    return { size: parseFloat(getComputedStyle(paragraph).fontSize), lines: [...perLine.values()] };
  });
  expect(measured.size).toBeGreaterThanOrEqual(18);
  expect(measured.size).toBeLessThanOrEqual(20);
  const full = measured.lines.slice(0, -1); // the last line of a paragraph is as short as it likes
  expect(full.length, "the longest paragraph should run to several lines").toBeGreaterThan(2);
  const average = full.reduce((a, b) => a + b, 0) / full.length;
  expect(average).toBeGreaterThanOrEqual(55);
  expect(average).toBeLessThanOrEqual(75);
});
