import { MONTHS } from "../../src/lib/dates.ts";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { gzipSync } from "node:zlib";
import {
  distinctivePhrase,
  normalize,
  pairInOneStoryOnly,
  storySections,
  type StorySection,
} from "../support/storyText.ts";
import { BASE_PATH, storyPages } from "../support/site.ts";

const results = (page: Page) => page.locator("#search-results a.search-result__link");
const status = (page: Page) => page.locator("#search-status");
const searchBox = (page: Page) => page.getByLabel(/quoted phrase/);

let corpus: Promise<StorySection[]> | undefined;

/** Every section of every built story page, read once per worker. */
function allSections(browser: Browser): Promise<StorySection[]> {
  corpus ??= (async () => {
    const baseURL = test.info().project.use.baseURL;
    const page = await browser.newPage(baseURL ? { baseURL } : {});
    const sections: StorySection[] = [];
    const paths = storyPages().map(({ path }) => path.slice(BASE_PATH.length));
    for (const path of paths.sort()) sections.push(...(await storySections(page, path)));
    await page.close();
    if (sections.length === 0) throw new Error("No story sections found: is the sitemap listing stories/…/ pages?");
    return sections;
  })();
  return corpus;
}

/** Opens the search page and types the query key by key, as a reader would; waits for its results. */
async function typeSearch(page: Page, query: string): Promise<void> {
  await page.goto("search/");
  await searchBox(page).pressSequentially(query);
  await settled(page, query);
}

/** Waits until the live region reports on `query` itself, not on a prefix typed on the way. */
async function settled(page: Page, query: string): Promise<void> {
  const asTyped = escapeRegExp(query);
  await expect(status(page)).toHaveText(new RegExp(` match(es)? (“${asTyped}”|${asTyped})\\.`));
}

/** Path and fragment a result link points at, relative to the site base. */
function target(page: Page, href: string | null): { path: string; hash: string; highlights: string[] } {
  const url = new URL(href ?? "", page.url());
  const base = new URL(test.info().project.use.baseURL ?? "/").pathname;
  return { path: url.pathname.slice(base.length), hash: url.hash, highlights: url.searchParams.getAll("highlight") };
}

test("a remembered phrase lands on its story and its question first", async ({ page, browser }) => {
  const sections = await allSections(browser);
  const stories = [...new Set(sections.map((s) => s.storyPath))].slice(0, 4);
  expect(stories.length).toBeGreaterThan(0);
  for (const storyPath of stories) {
    // The second question of each story, or its first when it has only one.
    const questions = sections.filter(
      (s) => s.storyPath === storyPath && s.anchor !== "" && s.text.split(" ").length >= 12,
    );
    const section = questions[1] ?? questions[0];
    if (!section) continue;
    const phrase = distinctivePhrase(section, sections);
    expect(phrase, `a phrase only ${storyPath}#${section.anchor} holds`).toBeDefined();
    await test.step(`"${phrase}" → ${storyPath}#${section.anchor}`, async () => {
      await typeSearch(page, phrase ?? "");
      const first = target(page, await results(page).first().getAttribute("href"));
      expect(first.path).toBe(storyPath);
      expect(first.hash).toBe(`#${section.anchor}`);
      expect(new URL(page.url()).searchParams.get("q")).toBe(phrase);
    });
  }
});

test("a phrase in double quotes matches only that phrase", async ({ page, browser }) => {
  const pair = pairInOneStoryOnly(await allSections(browser));
  expect(pair, "two words side by side in one story, apart in another").toBeDefined();
  if (!pair) return;

  await typeSearch(page, pair.phrase);
  const loose = await Promise.all(
    (await results(page).all()).map(async (link) => target(page, await link.getAttribute("href")).path),
  );
  expect(loose).toEqual(expect.arrayContaining([pair.storyPath, pair.otherPath]));

  await searchBox(page).fill("");
  await searchBox(page).pressSequentially(`"${pair.phrase}"`);
  await expect(status(page)).toHaveText(
    new RegExp(`^\\d+ answers? in 1 story matches "${escapeRegExp(pair.phrase)}"\\.$`),
  );
  const only = target(page, await results(page).first().getAttribute("href"));
  expect(only).toMatchObject({
    path: pair.storyPath,
    hash: pair.anchor ? `#${pair.anchor}` : "",
    highlights: [pair.phrase],
  });
  const excerpt = await page.locator(".search-result__excerpt").first().textContent();
  expect(normalize(excerpt ?? "")).toContain(pair.phrase);

  // The same words the other way round are not that phrase.
  const reversed = pair.phrase.split(" ").reverse().join(" ");
  const sections = await allSections(browser);
  if (!sections.some((s) => normalize(s.text).includes(reversed))) {
    await searchBox(page).fill(`"${reversed}"`);
    await expect(status(page)).toHaveText(`No stories match "${reversed}".`);
    await expect(results(page)).toHaveCount(0);
  }
});

test("filters narrow the results, show counts, and live in the URL", async ({ page, browser }) => {
  const pair = pairInOneStoryOnly(await allSections(browser));
  if (!pair) throw new Error("needs two stories that share words");
  await typeSearch(page, pair.phrase);
  const before = await results(page).count();
  expect(before).toBeGreaterThanOrEqual(2);

  await page.getByText("Filters", { exact: true }).click();
  const people = page.getByRole("group", { name: "Person" });
  await expect(people.getByRole("checkbox")).not.toHaveCount(0);
  const person = (await page.locator(".search-result__person").first().textContent()) ?? "";
  const box = people.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(person)} \\(\\d+\\)$`) });
  const perPerson = Number(
    /\((\d+)\)$/.exec(
      (await box.getAttribute("id").then((id) => page.locator(`label[for="${id}"]`).textContent())) ?? "",
    )?.[1],
  );
  await box.check();

  await expect(status(page)).toHaveText(/with the chosen filters/);
  await expect(results(page)).toHaveCount(perPerson);
  for (const name of await page.locator(".search-result__person").allTextContents()) expect(name).toBe(person);
  expect(new URL(page.url()).searchParams.getAll("person")).toEqual([person]);

  // A shared link opens on the same filtered search.
  await page.reload();
  await expect(status(page)).toHaveText(/with the chosen filters/);
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(person)} `) })).toBeChecked();
  await expect(results(page)).toHaveCount(perPerson);
});

test("results sort by date either way", async ({ page, browser }) => {
  const pair = pairInOneStoryOnly(await allSections(browser));
  if (!pair) throw new Error("needs two stories that share words");
  await typeSearch(page, pair.phrase);
  const dates = async () => (await page.locator(".search-result__story").allTextContents()).map(storyDate);
  expect(new Set(await dates()).size, "results from at least two dates").toBeGreaterThanOrEqual(2);
  // Both directions are checked, so whatever order the list starts in, one of them must change it.
  for (const [label, direction] of [
    ["Oldest first", 1],
    ["Newest first", -1],
  ] as const) {
    await page.getByLabel("Sort").selectOption({ label });
    await expect(page).toHaveURL(new RegExp(`sort=${direction === 1 ? "oldest" : "newest"}`));
    await expect.poll(async () => isSorted(await dates(), direction), label).toBe(true);
  }
});

test("the keyboard reaches the box, the results and back", async ({ page, browser }) => {
  const sections = await allSections(browser);
  const section = sections.find((s) => s.anchor !== "" && s.text.split(" ").length >= 12);
  if (!section) throw new Error("no story section to search for");
  const phrase = distinctivePhrase(section, sections) ?? "";

  await page.goto(section.storyPath);
  await page.keyboard.press("/");
  const headerBox = page.getByRole("searchbox", { name: "Search quotes" });
  await expect(headerBox).toBeFocused();
  await page.keyboard.type(phrase.split(" ").slice(0, 3).join(" "));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search\/\?q=/);
  await expect(status(page)).toHaveText(/match/);

  await page.keyboard.press("/");
  await expect(searchBox(page)).toBeFocused();
  await searchBox(page).fill(phrase);
  await expect(results(page).first()).toHaveAttribute("href", new RegExp(`#${section.anchor}$`));
  const count = await results(page).count();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).first()).toBeFocused();
  if (count > 1) {
    await page.keyboard.press("ArrowDown");
    await expect(results(page).nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
  }
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${section.storyPath}\\?highlight=.*#${section.anchor}$`));

  // Back returns to the same search, and Esc then clears it.
  await page.goBack();
  await expect(searchBox(page)).toHaveValue(phrase);
  await expect(results(page).first()).toHaveAttribute("href", new RegExp(`#${section.anchor}$`));
  await searchBox(page).focus();
  await page.keyboard.press("Escape");
  await expect(searchBox(page)).toHaveValue("");
  await expect(results(page)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("");
});

test("search sees summaries, topics, names and companies: “migration” finds the index-migration story", async ({
  page,
}) => {
  // The transcript says "migrations" only in passing; its summary is about an index-migration outage.
  await typeSearch(page, "migration");
  const found = await Promise.all(
    (await results(page).all()).map(async (link) => target(page, await link.getAttribute("href")).path),
  );
  expect(found[0]).toBe("stories/jorge-stripe-index-migrations/");
  // A topic that only the story's topic list names.
  await typeSearch(page, "Incidents");
  expect(target(page, await results(page).first().getAttribute("href")).path).toBe(
    "stories/jorge-stripe-index-migrations/",
  );
  await expect(status(page)).toHaveText(/^\d+ answers? in \d+ stor(y|ies) match(es)? “Incidents”\.$/);
});

test("a plain two-word query opens the question holding them side by side and marks the pair, not each word", async ({
  page,
  browser,
}) => {
  const pair = pairInOneStoryOnly(await allSections(browser));
  if (!pair?.anchor) throw new Error("needs a phrase under a question");
  await typeSearch(page, pair.phrase);
  const first = target(page, await results(page).first().getAttribute("href"));
  expect(first).toMatchObject({ path: pair.storyPath, hash: `#${pair.anchor}`, highlights: [pair.phrase] });
  await results(page).first().click();
  const marks = page.locator("mark.search-highlight");
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allTextContents()) expect(normalize(text)).toBe(pair.phrase);
});

test("a result opens its question with the words highlighted", async ({ page, browser }) => {
  const pair = pairInOneStoryOnly(await allSections(browser));
  if (!pair?.anchor) throw new Error("needs a phrase under a question");
  await typeSearch(page, `"${pair.phrase}"`);
  await results(page).first().click();
  await expect(page).toHaveURL(new RegExp(`${pair.storyPath}\\?highlight=[^#]+#${pair.anchor}$`));
  const marks = page.locator("mark.search-highlight");
  await expect(marks).not.toHaveCount(0);

  const inspect = () =>
    page.evaluate((anchor) => {
      const heading = document.getElementById(anchor);
      const all = [...document.querySelectorAll("mark.search-highlight")];
      const inSection = all.find(
        (mark) => heading && heading.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      const box = inSection?.getBoundingClientRect();
      return {
        text: inSection?.textContent ?? "",
        visible: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight),
        outsideBody: all.filter(
          (mark) => !mark.closest("[data-pagefind-body]") || mark.closest("[data-pagefind-ignore]"),
        ).length,
      };
    }, pair.anchor);
  const found = await inspect();
  expect(normalize(found.text)).toBe(pair.phrase);
  expect(found.outsideBody).toBe(0);
  // The page settles its scroll after loading (smooth scrolling may be on); the mark must end up in view.
  await expect.poll(async () => (await inspect()).visible, { timeout: 5000 }).toBe(true);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the search page with results and filters open is axe-clean (${colorScheme})`, async ({ page, browser }) => {
    const pair = pairInOneStoryOnly(await allSections(browser));
    await page.emulateMedia({ colorScheme });
    await typeSearch(page, pair?.phrase ?? "the");
    await page.getByText("Filters", { exact: true }).click();
    await expect(page.getByRole("group", { name: "Person" })).toBeVisible();
    await expect(results(page)).not.toHaveCount(0);
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the search page says search needs JavaScript and links to the stories", async ({ page }) => {
    await page.goto("search/?q=staff");
    const message = page.getByText(/needs JavaScript/);
    await expect(message).toBeVisible();
    await message.getByRole("link", { name: "browse every story" }).click();
    await expect(page).toHaveURL(/stories\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the search page hides the form it cannot run", async ({ page }) => {
    await page.goto("search/");
    await expect(page.locator("[data-search-form]")).toBeHidden();
  });

  test("the header box still sends the query to the search page", async ({ page, browser }) => {
    const [first] = await allSections(browser);
    await page.goto(first?.storyPath ?? "");
    await page.getByRole("searchbox", { name: "Search quotes" }).fill("glue work");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/search\/\?q=glue\+work$/);
  });
});

test("a reading page loads nothing of search until the reader reaches for it", async ({ page, browser }) => {
  const [first] = await allSections(browser);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(first?.storyPath ?? "");
  await page.waitForLoadState("networkidle");
  expect(requests.filter((url) => url.includes("/pagefind/"))).toEqual([]);

  // Scripts are files (a strict CSP allows no inline script), and small.
  await expect(page.locator("script:not([src]):not([type='application/ld+json'])")).toHaveCount(0);
  const scripts = requests.filter((url) => url.endsWith(".js"));
  let gzipped = 0;
  for (const url of scripts) gzipped += gzipSync(await (await page.request.get(url)).body(), { level: 9 }).length;
  expect(gzipped, `JavaScript on a reading page: ${scripts.join(", ")}`).toBeLessThan(2048);

  // "/" only focuses the header box, a plain form to /search/: Pagefind still loads nothing here.
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search quotes" })).toBeFocused();
  await page.waitForLoadState("networkidle");
  expect(requests.filter((url) => url.includes("/pagefind/"))).toEqual([]);
});

function isSorted(values: number[], direction: 1 | -1): boolean {
  return values.length > 1 && values.every((value, i) => i === 0 || (value - (values[i - 1] ?? 0)) * direction >= 0);
}

function storyDate(line: string): number {
  const match = /(?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4})\s*$/.exec(line);
  if (!match) throw new Error(`no date at the end of "${line}"`);
  return Date.UTC(Number(match[3]), MONTHS.indexOf(match[2] ?? ""), Number(match[1] ?? 1));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
