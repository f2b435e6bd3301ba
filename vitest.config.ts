/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Unit tests only: they never build a site. Tests that read a build are Playwright's
// (tests/e2e/ for the production build, tests/integration/ for the shared fixture build).
export default getViteConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // A few tests start Node processes (the importer's CLI); a busy machine can make those slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
