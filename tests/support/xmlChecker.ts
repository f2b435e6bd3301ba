import { chromium, type Browser, type Page } from "playwright";
import { chromiumLaunchOptions } from "./browser.ts";

/** Checks XML documents with Chromium's XML parser (libxml2), which enforces all of XML 1.0 and namespaces. */
export interface XmlChecker {
  /** Undefined when `xml` is well-formed, else the parser's complaint. */
  problem(xml: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * A strict well-formedness check. The JavaScript XML parsers we have (fast-xml-parser's
 * validator, sax) accept `]]>` in text, control characters and undeclared prefixes,
 * all of which a conforming parser, and so a strict feed reader, rejects.
 */
export async function xmlChecker(): Promise<XmlChecker> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  const page: Page = await browser.newPage();
  return {
    problem: (xml) =>
      page.evaluate((text) => {
        const error = new DOMParser().parseFromString(text, "application/xml").querySelector("parsererror");
        return error ? (error.textContent ?? "parsererror") : undefined;
      }, xml),
    close: () => browser.close(),
  };
}
