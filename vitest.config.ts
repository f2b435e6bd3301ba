/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // Some files build fixture sites in beforeAll; on a busy 2-core machine a build can take minutes.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
