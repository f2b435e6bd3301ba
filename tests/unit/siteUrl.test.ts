import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { AstroIntegrationLogger } from "astro";
import { describe, expect, it } from "vitest";
import { siteUrlRule } from "../../src/integrations/siteUrlRule.ts";
import { MISSING_SITE_URL, siteSetting } from "../../src/lib/siteUrl.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("siteSetting", () => {
  it("takes SITE_URL for a production build", () => {
    expect(siteSetting({ SITE_URL: "https://archive.example.org" }, "build")).toEqual({
      site: "https://archive.example.org",
      local: false,
    });
  });

  it("refuses a build with neither SITE_URL nor the local mark, saying what to do", () => {
    expect(() => siteSetting({}, "build")).toThrow(MISSING_SITE_URL);
    expect(MISSING_SITE_URL).toContain("SITE_URL=https://archive.example.org npm run build");
    expect(MISSING_SITE_URL).toContain("ARCHIVE_LOCAL=1 npm run build");
  });

  it("makes a marked build local, on the origin it names or on localhost:4321", () => {
    expect(siteSetting({ ARCHIVE_LOCAL: "1" }, "build")).toEqual({ site: "http://localhost:4321", local: true });
    expect(siteSetting({ ARCHIVE_LOCAL: "http://127.0.0.1:4403/" }, "build")).toEqual({
      site: "http://127.0.0.1:4403",
      local: true,
    });
    expect(() => siteSetting({ ARCHIVE_LOCAL: "0" }, "build")).toThrow(MISSING_SITE_URL);
  });

  it("lets astro dev run without either", () => {
    expect(siteSetting({}, "dev")).toEqual({ site: "http://localhost:4321", local: true });
  });

  it("names the variable when its value is no web address", () => {
    expect(() => siteSetting({ SITE_URL: "archive.example.org" }, "build")).toThrow(
      'SITE_URL must be an absolute http(s) address like https://archive.example.org; got "archive.example.org".',
    );
    expect(() => siteSetting({ ARCHIVE_LOCAL: "ftp://x" }, "build")).toThrow(
      'ARCHIVE_LOCAL must be an http(s) address; got "ftp://x".',
    );
  });
});

describe("siteUrlRule (the Astro integration)", () => {
  const setup = (env: Record<string, string>, command: "build" | "dev") => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
    const { hooks } = siteUrlRule(env);
    // Only a build starts a build; `astro dev` and config loaders never reach this hook.
    if (command === "build") (hooks["astro:build:start"] as unknown as (options: object) => void)({ logger });
    expect(hooks["astro:config:setup"]).toBeUndefined();
    return warnings;
  };

  it("stops astro build without SITE_URL and says a marked local build is local", () => {
    expect(() => setup({}, "build")).toThrow(MISSING_SITE_URL);
    expect(setup({ ARCHIVE_LOCAL: "http://127.0.0.1:4403" }, "build")).toEqual([
      "Local build: every link points at http://127.0.0.1:4403. Not for publishing (set SITE_URL).",
    ]);
    expect(setup({ SITE_URL: "https://archive.example.org" }, "build")).toEqual([]);
    expect(setup({}, "dev")).toEqual([]);
  });
});

describe("npm run build without SITE_URL", () => {
  it("stops before building anything, with the message", () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => key !== "SITE_URL" && key !== "ARCHIVE_LOCAL"),
    );
    const result = spawnSync(join(ROOT, "node_modules/.bin/node"), [join(ROOT, "tools/build.ts")], {
      cwd: ROOT,
      env: { ...env, ARCHIVE_OUT_DIR: join(ROOT, "node_modules/.cache/never-built") },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SITE_URL is not set.");
    expect(result.stderr).toContain("Nothing was built.");
    expect(result.stdout).not.toContain("Building");
  });
});
