/**
 * Gate: every page of the built site passes axe (WCAG 2.2 AA + best practices) in the light colour
 * scheme, and the rules that depend on colour pass again in dark, since contrast is checked against
 * the colours actually painted. The other rules read markup, which the scheme does not change.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { allPages } from "../support/site.ts";
import { AXE_TAGS, describeViolations, expect, test } from "../support/gates.ts";

/** The axe rules whose outcome depends on painted colours. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

for (const { path } of allPages()) {
  test(`axe, light and dark: ${path}`, async ({ visit }) => {
    const page = await visit(path, { colorScheme: "light" });
    const light = (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
    expect(light.length, `${path} (light) has ${light.length} axe violation(s):\n${describeViolations(light)}`).toBe(0);
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = (await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze()).violations;
    expect(dark.length, `${path} (dark) has ${dark.length} axe violation(s):\n${describeViolations(dark)}`).toBe(0);
  });
}
