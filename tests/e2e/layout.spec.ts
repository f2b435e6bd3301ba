/**
 * Gate: every page reads on a 390 px phone without scrolling sideways, switches to dark colours
 * when the reader prefers dark, and prints without the site's header, footer or any navigation.
 */
import { allPages } from "../support/site.ts";
import { PHONE, expect, test } from "../support/gates.ts";

for (const { path } of allPages()) {
  test(`phone width, dark mode and print: ${path}`, async ({ visit }) => {
    const page = await visit(path, { viewport: PHONE });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    // Name the outermost elements that stick out: their parent fits, so they are the ones to fix.
    const wide = await page.evaluate(() => {
      const sticksOut = (el: Element | null) => !!el && el.getBoundingClientRect().right > window.innerWidth + 0.5;
      return [...document.querySelectorAll("body *")]
        .filter((el) => sticksOut(el) && !sticksOut(el.parentElement))
        .slice(0, 5)
        .map((el) => `<${el.localName} class="${el.className}">`);
    });
    expect(
      widths.page,
      `${path} scrolls sideways at ${PHONE.width} px; too wide: ${wide.join(", ")}`,
    ).toBeLessThanOrEqual(widths.viewport);

    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await background();
    expect(dark, `${path}: prefers-color-scheme: dark leaves the background at ${light}`).not.toBe(light);

    await page.emulateMedia({ media: "print", colorScheme: "light" });
    const printed = await page.evaluate(() => {
      const main = document.querySelector("main");
      // Paper cannot follow links: the site header and footer and every navigation (outline included) go.
      const chrome = [...document.querySelectorAll("body > header, body > footer, nav")];
      return {
        mainVisible: main?.checkVisibility() ?? false,
        chromeShown: chrome
          .filter((el) => el.checkVisibility())
          .map((el) => `<${el.localName} class="${el.className}">`),
        chromeCount: chrome.length,
      };
    });
    expect(printed.chromeCount, `${path} has no site header or navigation to hide in print`).toBeGreaterThan(0);
    expect(printed.chromeShown, `${path} prints site chrome or navigation`).toEqual([]);
    expect(printed.mainVisible, `${path} prints no main content`).toBe(true);
  });
}
