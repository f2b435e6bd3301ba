import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plugin } from "vite";
import {
  DATA_STORE_MODULE,
  contentStoreFromDisk,
  contentStoreFromDiskPlugin,
  storeReaderModule,
} from "../../src/integrations/contentStoreFromDisk.ts";

type Handler = (this: unknown, id: string) => unknown;

/** Calls a plugin hook the way Vite does, with `this.environment` set. */
function call(hook: Plugin["resolveId"] | Plugin["load"], environment: string, id: string): unknown {
  const handler = (typeof hook === "function" ? hook : hook?.handler) as Handler | undefined;
  return handler?.call({ environment: { name: environment } }, id);
}

let dir: string;
let storeFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "store-from-disk-"));
  storeFile = join(dir, "data-store.json");
  await writeFile(storeFile, JSON.stringify([["Map"], "stories"]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("content store read from disk", () => {
  it("replaces Astro's store module in the prerender environment only", () => {
    let used = 0;
    const plugin = contentStoreFromDiskPlugin(storeFile, () => used++);
    const resolved = call(plugin.resolveId, "prerender", DATA_STORE_MODULE);
    expect(resolved).toEqual(expect.any(String));
    for (const environment of ["client", "ssr"])
      expect(call(plugin.resolveId, environment, DATA_STORE_MODULE)).toBeUndefined();
    expect(call(plugin.resolveId, "prerender", "astro:content")).toBeUndefined();
    expect(call(plugin.load, "prerender", String(resolved))).toEqual({ code: storeReaderModule(storeFile), map: null });
    expect(used).toBe(1);
    expect(call(plugin.load, "prerender", "/some/other/module.ts")).toBeUndefined();
  });

  it("leaves Astro in charge when there is no store file yet", () => {
    const plugin = contentStoreFromDiskPlugin(join(dir, "missing.json"), () => undefined);
    expect(call(plugin.resolveId, "prerender", DATA_STORE_MODULE)).toBeUndefined();
  });

  it("generates a module that parses the store file as Astro's own module would", async () => {
    const code = storeReaderModule(storeFile);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
    expect(module.default).toEqual([["Map"], "stories"]);
  });

  it("adds its plugin to builds without an adapter, and stands aside otherwise", async () => {
    const setup = async (command: string, adapter?: { name: string }) => {
      const plugins: unknown[] = [];
      const hook = contentStoreFromDisk().hooks["astro:config:setup"] as unknown as (
        options: unknown,
      ) => Promise<void> | void;
      await hook({
        command,
        config: { adapter, cacheDir: new URL(`file://${dir}/`) },
        updateConfig: (config: { vite: { plugins: unknown[] } }) => plugins.push(...config.vite.plugins),
        logger: { info: () => undefined },
      });
      return plugins;
    };
    expect(await setup("build")).toHaveLength(1);
    expect(await setup("dev")).toHaveLength(0);
    expect(await setup("build", { name: "@astrojs/cloudflare" })).toHaveLength(0);
  });

  it("warns after the build when Astro bundled the store anyway (its module renamed), and not when it was read from disk", async () => {
    const run = async (useStore: boolean) => {
      const integration = contentStoreFromDisk();
      const plugins: Plugin[] = [];
      const warnings: string[] = [];
      const hooks = integration.hooks as unknown as Record<string, (options: unknown) => Promise<void> | void>;
      await hooks["astro:config:setup"]?.({
        command: "build",
        config: { cacheDir: new URL(`file://${dir}/`) },
        updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
        logger: { info: () => undefined },
      });
      const plugin = plugins[0];
      if (useStore && plugin)
        call(plugin.load, "prerender", String(call(plugin.resolveId, "prerender", DATA_STORE_MODULE)));
      await hooks["astro:build:done"]?.({ logger: { warn: (message: string) => warnings.push(message) } });
      return warnings;
    };
    expect(await run(false)).toEqual([expect.stringContaining("bundled inline")]);
    expect(await run(true)).toEqual([]);
  });
});
