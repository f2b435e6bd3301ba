import {
  applyCommandsToMdastHandle,
  convertMdastToHastHandle,
  createMdxMdastHandle,
  dropHandle,
  normalizePlugins,
  renderHandle,
  resolveHastSubscriptions,
  resolveMdastSubscriptions,
  visitHastHandle,
  visitHastHook,
  visitMdastHandle,
  visitMdastHook,
  type CompileOptions,
  type Data,
  type HastPluginDefinition,
  type MdastPluginDefinition,
} from "satteri";

/**
 * MDX to HTML through the steps satteri's `markdownToHtml` takes (Sätteri compiles MDX only to a module:
 * docs/performance.md). JSX the mdast plugins left in the tree is dropped: stories are checked first.
 */
export function mdxToHtml(source: string, options: CompileOptions = {}): { html: string; data: Data } {
  const { features, fileURL, data = {} } = options;
  const context = [source, fileURL, data, "mdx"] as const;
  const normalize = <T>(plugins: Parameters<typeof normalizePlugins<T>>[0] = [], kind: string) =>
    normalizePlugins<T>(plugins, kind, source, fileURL, "mdx", data);
  const mdastPlugins = normalize<MdastPluginDefinition>(options.mdastPlugins, "mdastPlugins");
  const hastPlugins = normalize<HastPluginDefinition>(options.hastPlugins, "hastPlugins");
  // As in markdownToHtml: positions only when a plugin reads them (they cost parse time).
  const positions = [...mdastPlugins, ...hastPlugins].some((plugin) => plugin.options?.position === true);
  const mdast = createMdxMdastHandle(source, features, positions);
  let hast: ReturnType<typeof convertMdastToHastHandle> | undefined;
  try {
    for (const plugin of mdastPlugins) {
      const subscriptions = resolveMdastSubscriptions(plugin);
      for (const pass of [plugin.before, subscriptions.length > 0 ? subscriptions : undefined, plugin.after]) {
        if (!pass) continue;
        const visit = Array.isArray(pass)
          ? visitMdastHandle(mdast, plugin, pass, ...context)
          : visitMdastHook(mdast, plugin, pass, ...context);
        const result = settled(visit, plugin.name);
        if (result.hasMutations) applyCommandsToMdastHandle(mdast, result.commandBuffer);
      }
    }
    hast = convertMdastToHastHandle(mdast);
    for (const plugin of hastPlugins) {
      const subscriptions = resolveHastSubscriptions(plugin);
      for (const pass of [plugin.before, subscriptions.length > 0 ? subscriptions : undefined, plugin.after]) {
        if (!pass) continue;
        const visit = Array.isArray(pass)
          ? visitHastHandle(hast, plugin, pass, ...context)
          : visitHastHook(hast, plugin, pass, ...context);
        settled(visit, plugin.name);
      }
    }
    return { html: renderHandle(hast), data };
  } finally {
    dropHandle(mdast);
    if (hast) dropHandle(hast);
  }
}

/** A plugin pass's result; an async plugin would need the whole pipeline to wait, which none does. */
function settled<T>(result: T | Promise<T>, plugin: string | undefined): T {
  if (result instanceof Promise)
    throw new Error(`Sätteri plugin "${plugin ?? "?"}" is async; mdxToHtml runs sync plugins only.`);
  return result;
}
