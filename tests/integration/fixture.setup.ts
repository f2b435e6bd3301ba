import { test as setup } from "@playwright/test";
import { buildFixture } from "../support/fixtureSite.ts";

// The second of the two Astro builds per test run (the first is the production build the
// webServer serves). Every file in tests/integration/ reads this one.
setup("build the fixture site", async () => {
  setup.setTimeout(15 * 60_000);
  await buildFixture();
});
