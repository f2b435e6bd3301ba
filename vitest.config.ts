/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Unit tests only: they never build a site. Tests that read a build are Playwright's
// (tests/e2e/ for the production build, tests/integration/ for the shared fixture build).
export default getViteConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // Vitest's default on two cores is one worker; the slow files mostly wait on child processes.
    maxWorkers: 2,
    // Some tests start Node processes (the importer, the build script); a busy machine makes those slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
