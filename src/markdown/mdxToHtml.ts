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
  type Data,
  type Features,
  type HastPluginDefinition,
  type HastPluginList,
  type MdastPluginDefinition,
  type MdastPluginList,
} from "satteri";

/** What {@link mdxToHtml} needs: the same options satteri's `markdownToHtml` takes. */
export interface MdxToHtmlOptions {
  mdastPlugins?: MdastPluginList;
  hastPlugins?: HastPluginList;
  features?: Features;
  fileURL?: URL;
  data?: Data;
}

/**
 * MDX to an HTML string, through the same Sätteri steps `markdownToHtml` takes for Markdown
 * (parse, mdast plugins, convert, hast plugins, render), with the MDX parser in front. Sätteri
 * has no such function of its own: it compiles MDX only to a JavaScript module, which Astro
 * then bundles, one per story (the cost measured in docs/performance.md). This is only for
 * MDX whose JSX the mdast plugins have already turned into plain nodes (src/markdown/vocabulary.ts):
 * an element, expression or import left in the tree has no HTML and is dropped by the renderer,
 * which is why stories are checked (liveContent.ts) before they get here. Synchronous, like the
 * importer's round trip that calls it: every plugin the site uses is.
 */
export function mdxToHtml(source: string, options: MdxToHtmlOptions = {}): { html: string; data: Data } {
  const { features, fileURL, data = {} } = options;
  const mdastPlugins = normalizePlugins<MdastPluginDefinition>(
    options.mdastPlugins ?? [],
    "mdastPlugins",
    source,
    fileURL,
    "mdx",
    data,
  );
  const hastPlugins = normalizePlugins<HastPluginDefinition>(
    options.hastPlugins ?? [],
    "hastPlugins",
    source,
    fileURL,
    "mdx",
    data,
  );
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
