import { expect, test } from "@playwright/test";

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
