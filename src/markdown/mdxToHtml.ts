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
 * MDX to an HTML string, through the steps satteri's `markdownToHtml` takes for Markdown, with the MDX
 * parser in front: Sätteri itself compiles MDX only to a JavaScript module, one per story for Astro to
 * bundle (docs/performance.md). Only for MDX whose JSX the mdast plugins turned into plain nodes
 * (vocabularyPlugin.ts): anything else left in the tree is dropped, which is why stories are checked
 * first (liveContent.ts). Synchronous, like every plugin the site uses.
 */
export function mdxToHtml(source: string, options: CompileOptions = {}): { html: string; data: Data } {
  const { features, fileURL, data = {} } = options;
  const normalize = <T>(
    plugins: Parameters<typeof normalizePlugins<T>>[0] = [],
    kind: "mdastPlugins" | "hastPlugins",
  ) => normalizePlugins<T>(plugins, kind, source, fileURL, "mdx", data);
  const mdastPlugins = normalize<MdastPluginDefinition>(options.mdastPlugins, "mdastPlugins");
  const hastPlugins = normalize<HastPluginDefinition>(options.hastPlugins, "hastPlugins");
  // As in markdownToHtml: positions only when a plugin reads them (they cost parse time).
  const positions = [...mdastPlugins, ...hastPlugins].some((plugin) => plugin.options?.position === true);
  const mdast = createMdxMdastHandle(source, features, positions);
  let hast: ReturnType<typeof convertMdastToHastHandle> | undefined;
  try {
    for (const plugin of mdastPlugins) {
      const subscriptions = resolveMdastSubscriptions(plugin);
      const passes = [
        plugin.before && (() => visitMdastHook(mdast, plugin, plugin.before!, source, fileURL, data, "mdx")),
        subscriptions.length > 0 &&
          (() => visitMdastHandle(mdast, plugin, subscriptions, source, fileURL, data, "mdx")),
        plugin.after && (() => visitMdastHook(mdast, plugin, plugin.after!, source, fileURL, data, "mdx")),
      ];
      for (const pass of passes) {
        if (!pass) continue;
        const result = settled(pass(), plugin.name);
        if (result.hasMutations) applyCommandsToMdastHandle(mdast, result.commandBuffer);
      }
    }
    hast = convertMdastToHastHandle(mdast);
    for (const plugin of hastPlugins) {
      const subscriptions = resolveHastSubscriptions(plugin);
      if (plugin.before) settled(visitHastHook(hast, plugin, plugin.before, source, fileURL, data, "mdx"), plugin.name);
      if (subscriptions.length > 0) {
        settled(visitHastHandle(hast, plugin, subscriptions, source, fileURL, data, "mdx"), plugin.name);
      }
      if (plugin.after) settled(visitHastHook(hast, plugin, plugin.after, source, fileURL, data, "mdx"), plugin.name);
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
