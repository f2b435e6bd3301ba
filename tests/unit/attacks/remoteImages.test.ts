/** A story that embeds an image from another site: blocked by default, and the build says so. */
import { describe, expect, it } from "vitest";
import { headersFile } from "../../../src/security/policy.ts";
import { checkSite } from "../../../tools/integrity/checkSite.ts";
import { imageAllowed } from "../../../tools/integrity/csp.ts";
import { fixtureOrigin, goodSite, page, removeSite, writeSite } from "../../support/siteFixture.ts";

const story = (img: string) =>
  page(`<a href="/">Home</a><a href="/stories/">Stories</a><a href="#main">Skip</a><main id="main">
    <h1><a href="/people/jane-doe/">Jane</a></h1><h2 id="why">Why?</h2><a href="#why">#</a>${img}</main>`);

async function problems(img: string, imageSources = ""): Promise<string[]> {
  const dir = writeSite({
    ...goodSite("/"),
    _headers: headersFile("/", { ARCHIVE_IMAGE_SOURCES: imageSources }),
    "stories/jane-doe/index.html": story(img),
  });
  try {
    const report = await checkSite({
      dir,
      base: "/",
      site: fixtureOrigin,
      stories: [{ id: "jane-doe", file: "/content/stories/jane-doe.mdx", person: "jane-doe" }],
    });
    return report.problems;
  } finally {
    removeSite(dir);
  }
}

describe("attack: a tracking image in a story", () => {
  it("fails the build, naming the image, the policy and the switch", async () => {
    expect(await problems('<img src="https://tracker.example/p.gif" alt="">')).toEqual([
      `<img src="https://tracker.example/p.gif"> is blocked by the Content-Security-Policy (img-src 'self' data:); save the image into the site, or add https://tracker.example to ARCHIVE_IMAGE_SOURCES (on stories/jane-doe/index.html)`,
    ]);
  });

  it("passes once the archive allows that origin, and for the site's own images", async () => {
    expect(await problems('<img src="https://images.example.org/a.png" alt="">', "https://images.example.org")).toEqual(
      [],
    );
    expect(await problems('<img src="/favicon.svg" alt="">')).toEqual([]);
  });

  it("reads CSP sources as browsers do: scheme, origin, path prefix", () => {
    const url = new URL("https://cdn.example.com/pics/a.png");
    expect(imageAllowed(url, ["'self'", "data:"])).toBe(false);
    expect(imageAllowed(url, ["https:"])).toBe(true);
    expect(imageAllowed(url, ["https://cdn.example.com"])).toBe(true);
    expect(imageAllowed(url, ["https://cdn.example.com/pics/"])).toBe(true);
    expect(imageAllowed(url, ["https://cdn.example.com/other/"])).toBe(false);
    expect(imageAllowed(url, ["https://evil.example"])).toBe(false);
  });
});
