/**
 * Site-relative link that respects `base`, so the archive works from a sub-path.
 * `href("stories/")` -> "/archive/stories/" when base is "/archive/".
 */
export function href(path = ""): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return base + path.replace(/^\//, "");
}

/** Absolute URL of a site path, for canonical links, feeds and Open Graph. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) return href(path);
  return new URL(href(path), site).toString();
}

/** Paths of the pages every story links to. */
export const paths = {
  story: (id: string) => `stories/${id}/`,
  person: (id: string) => `people/${id}/`,
  company: (slug: string) => `companies/${slug}/`,
  topic: (slug: string) => `topics/${slug}/`,
};
