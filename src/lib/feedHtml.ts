import sanitizeHtml from "sanitize-html";

/** Plain-document elements a feed reader may show; any other element is unwrapped (its text stays). */
const ALLOWED_TAGS = [
  ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["blockquote", "aside", "pre", "figure", "figcaption", "a", "img", "em", "strong", "b", "i", "u", "s"],
  ...["del", "ins", "mark", "small", "sub", "sup", "code", "kbd", "samp", "var", "q", "cite", "abbr"],
  ...["time", "span", "div", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"],
];

/** Elements whose content is code, styling, an embedded document or a form: dropped whole. */
const DROPPED_WITH_CONTENT = [
  ...["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed"],
  ...["applet", "svg", "math", "form", "input", "button", "select", "option", "textarea", "link", "meta"],
  ...["base", "audio", "video", "source", "track", "canvas", "portal", "slot", "title"],
];

/** Attributes the W3C feed validator accepts (no aria-*, class, id, style, data-* or on*). */
const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions["allowedAttributes"] = {
  "*": ["title", "lang"],
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  ol: ["start", "reversed"],
  li: ["value"],
  time: ["datetime"],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
};

const URL_ATTRIBUTES = ["href", "src", "cite"];
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** An absolute http(s) or mailto URL for `value` read on `pageUrl`, or undefined if unsafe. */
export function absoluteSafeUrl(value: string, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** Makes every link absolute against the story page, drops unsafe ones, and moves aria-label to title (validators flag aria-*). */
function feedAttributes(pageUrl: string): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const out: sanitizeHtml.Attributes = { ...attribs };
    const label = out["aria-label"];
    if (label !== undefined && out["title"] === undefined) out["title"] = label;
    for (const name of URL_ATTRIBUTES) {
      const value = out[name];
      if (value === undefined) continue;
      const safe = absoluteSafeUrl(value, pageUrl);
      if (safe === undefined) delete out[name];
      else out[name] = safe;
    }
    return { tagName, attribs: out };
  };
}

/** Story HTML a feed reader shows safely: plain elements and attributes, links absolute against the story's URL. */
export function sanitizeFeedHtml(html: string, pageUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: "discard",
    // Links are resolved to absolute http(s)/mailto above; this refuses anything else again.
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: URL_ATTRIBUTES,
    allowProtocolRelative: false,
    transformTags: { "*": feedAttributes(pageUrl) },
  });
}
