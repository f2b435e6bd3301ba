/**
 * Screenshots for human review: the main pages at phone and laptop width, light and dark, written
 * to test-results/screenshots/ (not committed). Each one must show a page, not a blank canvas,
 * painted in the colours of its scheme.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { BASE_PATH, medianStory, optionalPage } from "../support/site.ts";
import { DESKTOP, PHONE, expect, test, type ColorScheme } from "../support/gates.ts";

const OUT = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

const pages: { name: string; path: string }[] = [
  { name: "home", path: BASE_PATH },
  { name: "stories", path: `${BASE_PATH}stories/` },
  { name: "story", path: medianStory().path },
  ...["search", "subscribe"].flatMap((name) => {
    const found = optionalPage(`${name}/`);
    return found ? [{ name, path: found.path }] : [];
  }),
];
const sizes = [
  { label: "390", viewport: PHONE },
  { label: "1280", viewport: DESKTOP },
];
const schemes: ColorScheme[] = ["light", "dark"];

interface Paint {
  /** Share of pixels that differ from the most common colour (the background). */
  inked: number;
  /** Relative luminance (0 black .. 1 white) of the most common colour. */
  backgroundLuminance: number;
}

/** Decodes the PNG in the browser (no image library needed) and measures how much of it is painted. */
async function paintOf(page: Page, png: Buffer): Promise<Paint> {
  return page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d canvas");
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const [background, count] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
      const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const [r, g, b] = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
      return {
        inked: 1 - count / (data.length / 4),
        backgroundLuminance: 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b),
      };
    },
    `data:image/png;base64,${png.toString("base64")}`,
  );
}

mkdirSync(OUT, { recursive: true });

for (const { name, path } of pages) {
  for (const { label, viewport } of sizes) {
    for (const colorScheme of schemes) {
      const file = `${name}-${label}-${colorScheme}.png`;
      test(`screenshot ${file} (${path})`, async ({ visit }) => {
        const page = await visit(path, { viewport, colorScheme });
        const png = await page.screenshot({ fullPage: true });
        writeFileSync(join(OUT, file), png);
        const paint = await paintOf(page, png);
        expect(
          paint.inked,
          `${file} is nearly blank (${(paint.inked * 100).toFixed(2)}% of pixels painted)`,
        ).toBeGreaterThan(0.01);
        if (colorScheme === "dark")
          expect(paint.backgroundLuminance, `${file} has a light background`).toBeLessThan(0.1);
        else expect(paint.backgroundLuminance, `${file} has a dark background`).toBeGreaterThan(0.8);
      });
    }
  }
}
