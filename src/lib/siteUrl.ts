/** The origin a build's absolute URLs point at, and whether it is a local build (no SITE_URL: not for publishing). */
export interface SiteSetting {
  site: string;
  local: boolean;
}

/** The origin `astro dev` serves on, and a local build's when ARCHIVE_LOCAL gives none. */
export const DEFAULT_LOCAL_ORIGIN = "http://localhost:4321";

/** Said when a production build has no SITE_URL. */
export const MISSING_SITE_URL = [
  "SITE_URL is not set. A build for publishing needs the address the archive will be served from:",
  "canonical links, Open Graph, the sitemap and every feed link are written with it. Set it, e.g.",
  "  SITE_URL=https://archive.example.org npm run build",
  "For a build to look at on this machine only, mark it local instead (npm start does this):",
  "  ARCHIVE_LOCAL=1 npm run build                       (links on http://localhost:4321)",
  "  ARCHIVE_LOCAL=http://127.0.0.1:8080 npm run build   (links on the origin you will serve it from)",
].join("\n");

function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) address like https://archive.example.org; got "${value}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${name} must be an http(s) address; got "${value}".`);
  }
  return url.origin;
}

/** The site a build or dev server uses: SITE_URL; else ARCHIVE_LOCAL ("1" or an origin); else local, except a build stops. */
export function siteSetting(
  env: Record<string, string | undefined> = process.env,
  command: "build" | "dev" | "preview" | "sync" = "build",
): SiteSetting {
  const siteUrl = env["SITE_URL"]?.trim();
  if (siteUrl) {
    origin("SITE_URL", siteUrl);
    return { site: siteUrl, local: false };
  }
  const local = env["ARCHIVE_LOCAL"]?.trim();
  if (local && local !== "0") {
    return {
      site: local === "1" || local === "true" ? DEFAULT_LOCAL_ORIGIN : origin("ARCHIVE_LOCAL", local),
      local: true,
    };
  }
  if (command !== "build") return { site: DEFAULT_LOCAL_ORIGIN, local: true };
  throw new Error(MISSING_SITE_URL);
}
