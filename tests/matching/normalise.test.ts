import { describe, expect, it } from "vitest";
import { contentWords, normaliseWords } from "../../src/matching/normalise.js";

const words = (text: string) => normaliseWords(text).join(" ");
const content = (text: string) => contentWords(normaliseWords(text)).join(" ");

describe("normaliseWords", () => {
  it("lower-cases and turns punctuation, curly quotes and dashes into word breaks", () => {
    expect(words("Is there a “ceasefire”—yet?!")).toBe("is there a ceasefire yet");
  });

  it("strips diacritics", () => {
    expect(words("Zelénskyy in Kýiv")).toBe("zelenskyy in kyiv");
  });

  it("unifies chat spellings of common words, and leaves names to the entity table", () => {
    expect(words("wht nxt wen")).toBe("what next when");
    expect(words("Zelensky Odessa")).toBe("zelensky odessa");
  });

  it("drops possessives, including after a curly apostrophe", () => {
    expect(words("Zelenskyy’s plan and Russia's demands, the allies' view")).toBe(
      "zelenskyy plan and russia demands the allies view",
    );
  });

  it("rewrites British spellings as American ones but leaves -ise words that are not -ize verbs", () => {
    expect(words("demilitarisation criticised recognise defence")).toBe(
      "demilitarization criticized recognize defense",
    );
    expect(words("promise surprise exercise")).toBe("promise surprise exercise");
  });

  it("writes numbers as digits: number words, ordinals, thousands separators", () => {
    expect(words("one thousand prisoners")).toBe("1000 prisoners");
    expect(words("a thousand prisoners")).toBe("1000 prisoners");
    expect(words("1,000 prisoners")).toBe("1000 prisoners");
    expect(words("the third round")).toBe("the 3 round");
    expect(words("the 3rd round")).toBe("the 3 round");
    expect(words("twenty three")).toBe("23");
    expect(words("ten-point plan")).toBe("10 point plan");
  });

  it("keeps a lone 'one' as the pronoun it nearly always is", () => {
    expect(words("which one")).toBe("which one");
  });

  it("reads upper-case US as the country but lower-case us as the pronoun", () => {
    expect(words("Is the U.S. helping us?")).toBe("is the usa helping us");
  });

  it("expands month abbreviations", () => {
    expect(words("22 Jul")).toBe("22 july");
  });
});

describe("contentWords", () => {
  it("drops filler and stop words but keeps question words", () => {
    expect(content("hey can you please tell me why there is no ceasefire")).toBe("why ceasefire");
  });

  it("rewrites multi-word expressions to one word", () => {
    expect(content("is there a cease fire")).toBe("ceasefire");
    expect(content("how many prisoners of war")).toBe("count prisoner");
    expect(content("von der leyen")).toBe("leyen");
  });

  it("keeps 'may' only as a month beside a day number", () => {
    expect(content("may 19 call")).toBe("may 19 call");
    expect(content("may i ask about the call")).toBe("call");
  });
});
