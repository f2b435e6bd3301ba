import { expect, test } from "@playwright/test";
import { site } from "../../src/site.config.ts";
import { storyPages } from "../support/site.ts";

// The in-page filters appear only once the list is long enough to need them (site.filtersFrom).
const filtered = storyPages().length >= site.filtersFrom;

test(`/stories/ offers filters only from ${site.filtersFrom} stories on, browse links always`, async ({ page }) => {
  await page.goto("stories/");
  await expect(page.locator("form.filters")).toHaveCount(filtered ? 1 : 0);
  await expect(page.getByRole("navigation", { name: "Browse by company and topic" }).getByRole("link")).not.toHaveCount(
    0,
  );
});

test.describe("/stories/ filters", () => {
  test.skip(!filtered, `the archive has fewer than ${site.filtersFrom} stories, so /stories/ has no filters`);
  test("filtering by kind shows only that kind, says how many, and survives a reload", async ({ page }) => {
    await page.goto("stories/");
    const cards = page.locator(".story-card");
    const total = await cards.count();
    const discussions = await page.locator('.story-card[data-kind="discussion"]').count();
    expect(discussions).toBeGreaterThan(0);
    expect(discussions).toBeLessThan(total);

    await page.getByLabel("Kind", { exact: true }).selectOption("discussion");
    await expect(page.locator(".story-card:visible")).toHaveCount(discussions);
    await expect(page.getByRole("status")).toHaveText(`Showing ${discussions} of ${total} stories.`);
    for (const meta of await page.locator(".story-card:visible .story-card__meta").allTextContents()) {
      expect(meta).toContain("Discussion");
    }
    await expect(page).toHaveURL(/\?kind=discussion$/);

    await page.reload();
    await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("discussion");
    await expect(page.locator(".story-card:visible")).toHaveCount(discussions);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.locator(".story-card:visible")).toHaveCount(total);
    await expect(page).toHaveURL(/\/stories\/$/);
  });

  test("company and topic filters combine", async ({ page }) => {
    await page.goto("stories/");
    const topic = page.getByLabel("Topic", { exact: true });
    const firstTopic = await topic.locator("option").nth(1).getAttribute("value");
    expect(firstTopic).toBeTruthy();
    const company = await page.locator(`.story-card[data-topic~="${firstTopic}"]`).first().getAttribute("data-company");
    await topic.selectOption(firstTopic);
    await page.getByLabel("Company", { exact: true }).selectOption(company);
    const expected = page.locator(`.story-card[data-topic~="${firstTopic}"][data-company="${company}"]`);
    await expect(page.locator(".story-card:visible")).toHaveCount(await expected.count());
  });

  test("without JavaScript the list is complete and browse links replace the filters", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("stories/");
    await expect(page.locator("form.filters")).toBeHidden();
    await expect(page.locator(".story-card:visible")).toHaveCount(await page.locator(".story-card").count());
    await page.getByRole("navigation", { name: "Browse by company and topic" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.locator(".story-card").count()).toBeGreaterThan(0);
    await context.close();
  });
});

test("a reader can go from a story to its person, company and topic pages and back", async ({ page }) => {
  await page.goto("stories/");
  const firstCard = page.locator(".story-card").first();
  const name = (await firstCard.locator(".story-card__title").textContent())!.trim();
  await firstCard.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const storyUrl = page.url();

  await page.getByRole("heading", { level: 1 }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator(".story-card a", { hasText: name }).first()).toBeVisible();
  await page.goto(storyUrl);

  const company = page.locator(".story__role a");
  const companyName = (await company.textContent())!.trim();
  await company.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(companyName);
  await expect(page.locator(".story-card").filter({ hasText: name })).toHaveCount(1);
});

test("previous and next links walk the whole archive in order", async ({ page }) => {
  await page.goto("stories/");
  const order = await page
    .locator(".story-card__title a")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  await page.goto(order[0]!);
  for (const expected of order.slice(1)) {
    await page.getByRole("link", { name: /Older story/ }).click();
    expect(new URL(page.url()).pathname).toBe(expected);
  }
  await expect(page.getByRole("link", { name: /Older story/ })).toHaveCount(0);
});

test("every question's permalink links to it and copies its address", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("stories/");
  await page.locator(".story-card__title a").first().click();
  const question = page.locator(".transcript h2").nth(1);
  const id = await question.getAttribute("id");
  const permalink = question.locator(".heading-anchor");
  await expect(permalink).toHaveAttribute("href", `#${id}`);
  await expect(permalink).toHaveAccessibleName("Link to this question");
  await permalink.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator("#copy-status")).toHaveText("Link to this question copied.");
  await expect(permalink).toHaveAttribute("data-copied", "");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test("unknown addresses get the helpful 404 page", async ({ page }) => {
  const response = await page.goto("stories/no-such-story/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Browse every story" })).toBeVisible();
});
