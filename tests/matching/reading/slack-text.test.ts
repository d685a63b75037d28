import { describe, expect, it } from "vitest";
import { readSlackText } from "../../../src/matching/reading/slack-text.js";

describe("readSlackText", () => {
  it("drops bold, italic and code markup but keeps the words", () => {
    expect(readSlackText("*who* leads the _Russian_ `delegation`?").text).toBe(
      "who leads the Russian delegation?",
    );
  });

  it("drops struck-out words: the writer took them back", () => {
    expect(readSlackText("what are the ~two~ *three* things Russia wants?").text).toBe(
      "what are the three things Russia wants?",
    );
  });

  it("drops user, channel and special mentions, and @channel typed as text", () => {
    expect(readSlackText("<@U024BE7LH> <#C02NEWS|news> <!here> @channel is there a ceasefire?").text).toBe(
      "is there a ceasefire?",
    );
  });

  it("keeps a link's label and drops a bare address", () => {
    expect(
      readSlackText("saw this <https://www.politico.eu/x|politico piece> and <https://apnews.com/y>").text,
    ).toBe("saw this politico piece and");
  });

  it("drops emoji shortcodes and typed pictographs, flags and skin tones included", () => {
    expect(readSlackText("hey 👋🏽 when is the next round? :calendar: 🇺🇦 ☀️").text).toBe(
      "hey when is the next round?",
    );
  });

  it("keeps quoted lines apart as context, as Slack escapes them and as typed", () => {
    expect(readSlackText("&gt; Kyiv calls the terms a surrender\nis that true?")).toEqual({
      text: "is that true?",
      quoted: ["Kyiv calls the terms a surrender"],
    });
    expect(readSlackText("> the West is less united\nreally?")).toEqual({
      text: "really?",
      quoted: ["the West is less united"],
    });
  });

  it("decodes what Slack escapes in text", () => {
    expect(readSlackText("AP &amp; Newsmax: is 5 &lt; 6?").text).toBe("AP & Newsmax: is 5 < 6?");
  });

  it("reads empty and markup-only messages as nothing", () => {
    expect(readSlackText("")).toEqual({ text: "", quoted: [] });
    expect(readSlackText("<@U1> :wave:")).toEqual({ text: "", quoted: [] });
  });
});
