import { expect, test, type Page } from "@playwright/test";

/** Collects Content-Security-Policy violations the page reports, from the first byte on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("a story page loads under its Content-Security-Policy without a single violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("stories/dmitry-petrashko/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The stylesheet applied: the policy let our own CSS through.
  const font = await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily);
  expect(font).not.toBe("");
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test("the policy blocks script injected into a page, but lets search's WebAssembly run", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("stories/dmitry-petrashko/");
  const outcome = await page.evaluate(async () => {
    const injected = document.createElement("script");
    injected.textContent = "window.__injected = true";
    document.head.append(injected);
    const handler = document.createElement("img");
    handler.setAttribute("onerror", "window.__handler = true");
    handler.src = "data:,broken";
    document.body.append(handler);
    await new Promise((resolve) => setTimeout(resolve, 100));
    let evalBlocked = false;
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- proving the CSP blocks eval
      new Function("return 1")();
    } catch {
      evalBlocked = true;
    }
    // The smallest valid module: the magic number and version. Pagefind's search needs this to work.
    const wasm = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => true,
      () => false,
    );
    const w = window as unknown as { __injected?: boolean; __handler?: boolean };
    return { injected: w.__injected ?? false, handler: w.__handler ?? false, evalBlocked, wasm };
  });
  expect(outcome).toEqual({ injected: false, handler: false, evalBlocked: true, wasm: true });
  expect((await violations()).map((v) => v.split(" ")[0])).toEqual(
    expect.arrayContaining(["script-src-elem", "script-src-attr"]),
  );
});

test("every link to another site opens without a referrer or an opener", async ({ page, baseURL }) => {
  for (const path of ["", "stories/", "stories/dmitry-petrashko/", "stories/jorge-stripe-index-migrations/"]) {
    await page.goto(path);
    const links = await page
      .locator("a[href^='http']")
      .evaluateAll(
        (anchors, origin) =>
          anchors
            .filter((a) => new URL((a as HTMLAnchorElement).href).origin !== origin)
            .map((a) => ({ href: (a as HTMLAnchorElement).href, rel: a.getAttribute("rel") ?? "" })),
        new URL(baseURL ?? "http://localhost").origin,
      );
    for (const link of links)
      expect(link.rel.split(/\s+/), `${path}: ${link.href}`).toEqual(
        expect.arrayContaining(["noopener", "noreferrer"]),
      );
  }
  expect(await page.locator('meta[name="referrer"]').getAttribute("content")).toBe("strict-origin-when-cross-origin");
});
