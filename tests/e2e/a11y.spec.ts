/**
 * Gate: every page of the built site passes axe (WCAG 2.2 AA + best practices) in light and in
 * dark colour scheme, since contrast is checked against the colours actually painted.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { allPages } from "../support/site.ts";
import { AXE_TAGS, describeViolations, expect, test, type ColorScheme } from "../support/gates.ts";

const schemes: ColorScheme[] = ["light", "dark"];

for (const { path } of allPages()) {
  for (const colorScheme of schemes) {
    test(`axe, ${colorScheme}: ${path}`, async ({ visit }) => {
      const page = await visit(path, { colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(
        violations.length,
        `${path} (${colorScheme}) has ${violations.length} axe violation(s):\n${describeViolations(violations)}`,
      ).toBe(0);
    });
  }
}
