import { describe, expect, it } from "vitest";
import {
  containsPhrases,
  endsInShortWord,
  inOpenPhrase,
  normalizeForMatch,
  parseQuery,
  trimEdgeStopWords,
} from "../../src/lib/search/parseQuery.ts";

describe("parseQuery", () => {
  it("splits quoted phrases from loose words", () => {
    const query = parseQuery('  "staff project"   sorbet  ');
    expect(query.text).toBe('"staff project" sorbet');
    expect(query.phrases).toEqual(["staff project"]);
    expect(query.words).toEqual(["sorbet"]);
  });

  it("treats the curly quotes phones type as straight ones", () => {
    const query = parseQuery("“staff project” „glue work“");
    expect(query.text).toBe('"staff project" "glue work"');
    expect(query.phrases).toEqual(["staff project", "glue work"]);
    expect(query.words).toEqual([]);
  });

  it("searches the words of a phrase whose closing quote is not typed yet", () => {
    const query = parseQuery('"staff proj');
    expect(query.text).toBe("staff proj");
    expect(query.phrases).toEqual([]);
    expect(query.words).toEqual(["staff", "proj"]);
  });

  it("highlights each phrase whole and leaves out tiny words", () => {
    expect(parseQuery('how do I "write a plan" for it').highlights).toEqual(["write a plan", "how", "for"]);
  });

  it("still highlights a short word when it is all the reader typed", () => {
    expect(parseQuery("AI").highlights).toEqual(["AI"]);
  });

  it("ignores punctuation-only words", () => {
    expect(parseQuery("sorbet - !").words).toEqual(["sorbet"]);
  });
});

describe("normalizeForMatch", () => {
  it("folds case, accents, curly apostrophes and punctuation", () => {
    expect(normalizeForMatch("Café’s “Staff Project.”")).toBe("cafe's staff project");
  });

  it("reads the &lt; and &gt; Pagefind puts in its text", () => {
    expect(normalizeForMatch("a &lt;b&gt; c")).toBe("a b c");
  });
});

describe("containsPhrases", () => {
  const text = "Did you have a “Staff Project,” and if so what was it?";

  it("finds a phrase regardless of case and punctuation", () => {
    expect(containsPhrases(text, ["staff project and"])).toBe(true);
  });

  it("needs the words in order and next to each other", () => {
    expect(containsPhrases(text, ["project staff"])).toBe(false);
    expect(containsPhrases(text, ["staff and"])).toBe(false);
  });

  it("matches whole words only", () => {
    expect(containsPhrases("Stripe-wide engineers", ["stripe engineer"])).toBe(false);
    expect(containsPhrases(text, ["taff project"])).toBe(false);
  });

  it("needs every phrase", () => {
    expect(containsPhrases(text, ["staff project", "what was it"])).toBe(true);
    expect(containsPhrases(text, ["staff project", "who was it"])).toBe(false);
  });
});

describe("endsInShortWord", () => {
  it("holds back a search while the word being typed has fewer than three letters", () => {
    for (const typing of ["m", "mi", "technical d", "technical de", '"management review a', "x1", "a."])
      expect(endsInShortWord(typing), typing).toBe(true);
  });

  it("searches once the last word is long enough or finished", () => {
    for (const settled of ["mig", "technical debt", "technical debt is ", '"review and"', "", " ", "—"])
      expect(endsInShortWord(settled), settled).toBe(false);
  });
});

describe("inOpenPhrase", () => {
  it("is true between an opening quote and its closing one, straight or curly", () => {
    expect(inOpenPhrase('"staff pro')).toBe(true);
    expect(inOpenPhrase("“staff pro")).toBe(true);
    expect(inOpenPhrase('"staff project"')).toBe(false);
    expect(inOpenPhrase("“staff project”")).toBe(false);
    expect(inOpenPhrase('"glue work" and "staff pro')).toBe(true);
    expect(inOpenPhrase("staff project")).toBe(false);
  });
});

describe("phrases as Pagefind sees them", () => {
  it("drops very common words at a phrase's ends, keeps them inside, and keeps the whole phrase to check", () => {
    const query = parseQuery('"the staff project and" sorbet');
    expect(query.text).toBe('"staff project" sorbet');
    expect(query.phrases).toEqual(["the staff project and"]);
    expect(query.highlights[0]).toBe("the staff project and");
    expect(trimEdgeStopWords("management engineering review and")).toBe("management engineering review");
    expect(trimEdgeStopWords("review and approve")).toBe("review and approve");
    expect(trimEdgeStopWords("The glue work")).toBe("glue work");
  });

  it("leaves a phrase whole when fewer than two words would be left", () => {
    expect(trimEdgeStopWords("and so on")).toBe("and so on");
    expect(parseQuery('"it is what it is"').text).toBe('"it is what it is"');
    expect(trimEdgeStopWords("the migration")).toBe("the migration");
    expect(parseQuery('"and so on"').text).toBe('"and so on"');
  });
});
