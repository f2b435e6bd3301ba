import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import {
  isSatteriProcessor,
  satteriCollectImagesPlugin,
  satteriHeadingIdsPlugin,
  satteriImageMarkerPlugin,
} from "@astrojs/markdown-satteri";
import type { AstroConfig, ContentEntryType } from "astro";
import type { Loader, LoaderContext } from "astro/loaders";
import type { Features } from "satteri";
import { mdxToHtml } from "./mdxToHtml.ts";
import { vocabularyPlugin } from "./vocabularyPlugin.ts";

/** The loader context as Astro passes it: its entry types by extension ride along, untyped. */
type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

/** A glob loader rendering `.mdx` stories to HTML at sync, as `.md` ones (docs/performance.md); a failure names its file. */
export function mdxRenderedAtSync(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name} (MDX rendered at sync)`,
    load: async (context: ContextWithEntryTypes) => {
      const markdown = context.entryTypes?.get(".md");
      if (!markdown) throw new Error("Astro passed the story loader no .md entry type; stories cannot be read.");
      const failures: string[] = [];
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set(".mdx", mdxStoryEntryType(markdown, context.config, failures));
      await loader.load({ ...context, entryTypes } as LoaderContext);
      if (failures.length > 0) throw new Error(`Stories that could not be rendered:\n${failures.join("\n")}`);
    },
  };
}

/** An entry type for `.mdx` with a render function and no module: what Astro's `.md` entry type is. */
function mdxStoryEntryType(markdown: ContentEntryType, config: AstroConfig, failures: string[]): ContentEntryType {
  return {
    extensions: [".mdx"],
    // Frontmatter is read as Astro reads a .md file's; only the body keeps its line numbers.
    async getEntryInfo(params) {
      const info = await markdown.getEntryInfo(params);
      return { ...info, body: bodyKeepingLines(params.contents) };
    },
    getRenderFunction() {
      const render = storyRenderer(config);
      return Promise.resolve((entry) => {
        try {
          return Promise.resolve(render(entry.body ?? "", entry.data, entry.filePath));
        } catch (error) {
          const file = entry.filePath ? relative(process.cwd(), entry.filePath) : entry.id;
          failures.push(`${file}:${error instanceof Error ? error.message : String(error)}`);
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  };
}

/** Renders one MDX story with the site's plugins and Astro's heading ids and images: what the `.md` renderer returns. */
export function storyRenderer(config: Pick<AstroConfig, "markdown" | "image">) {
  const processor = config.markdown.processor;
  if (!isSatteriProcessor(processor)) {
    throw new Error("astro.config.mjs: .mdx stories are rendered with Sätteri; set markdown.processor to satteri(…).");
  }
  const { mdastPlugins, hastPlugins, features } = processor.options;
  return (body: string, frontmatter: Record<string, unknown>, filePath: string | undefined) => {
    const astro = {
      frontmatter,
      headings: [] as { depth: number; slug: string; text: string }[],
      localImagePaths: new Set<string>(),
      remoteImagePaths: new Set<string>(),
    };
    const { html } = mdxToHtml(body, {
      // The vocabulary runs after the site's plugins, whose first step refuses anything else.
      mdastPlugins: [
        ...mdastPlugins,
        vocabularyPlugin(),
        satteriCollectImagesPlugin(config.image as Parameters<typeof satteriCollectImagesPlugin>[0]),
      ],
      hastPlugins: [...hastPlugins, satteriImageMarkerPlugin(), satteriHeadingIdsPlugin()],
      features: { gfm: true, smartPunctuation: false, ...features } as Features,
      ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}),
      data: { astro },
    });
    return {
      html,
      metadata: {
        headings: astro.headings,
        localImagePaths: [...astro.localImagePaths],
        remoteImagePaths: [...astro.remoteImagePaths],
        frontmatter: astro.frontmatter,
        imagePaths: [...astro.localImagePaths, ...astro.remoteImagePaths],
      },
    };
  };
}

/** The body with the frontmatter's lines left blank, so a line number in the body is one in the file. */
export function bodyKeepingLines(contents: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(contents);
  if (!match) return contents;
  return "\n".repeat(match[0].split("\n").length - 1) + contents.slice(match[0].length);
}
