import { describe, expect, it } from "vitest";
import { plainText } from "../../src/commands/plain-text.js";

describe("plainText: what the person typed, from the text Slack sends", () => {
  it("drops mentions, broadcasts and channel links around a question", () => {
    expect(plainText("<@U123> what does Russia demand?")).toBe("what does Russia demand?");
    expect(plainText("<@U0001|alice> <!channel> what does Russia demand? <#C1|x>")).toBe(
      "what does Russia demand?",
    );
    expect(plainText("<!here|here> <!subteam^S1|@team> is there a ceasefire? <#C123>")).toBe(
      "is there a ceasefire?",
    );
  });

  it("keeps the text of a link as the person typed it, or the URL when there is no label", () => {
    expect(plainText("<https://x|y> what next?")).toBe("y what next?");
    expect(plainText("see <https://example.com/a?b=1&amp;c=2>")).toBe("see https://example.com/a?b=1&c=2");
    expect(plainText("<mailto:a@b.c|a@b.c>")).toBe("a@b.c");
  });

  it("keeps a date's fallback text", () => {
    expect(plainText("talks on <!date^1392734382^{date_num}|Feb 18>?")).toBe("talks on Feb 18?");
  });

  it("decodes Slack's three entities once, so typed markup stays as typed", () => {
    expect(plainText("Russia &amp; Ukraine &lt;b&gt;")).toBe("Russia & Ukraine <b>");
    expect(plainText("&lt;!channel&gt;")).toBe("<!channel>");
    expect(plainText("&amp;lt;")).toBe("&lt;");
    expect(plainText("&quot; &#60;")).toBe("&quot; &#60;");
  });

  it("leaves plain text, line breaks and a lone bracket alone", () => {
    expect(plainText("  status  ")).toBe("status");
    expect(plainText("a\nb")).toBe("a\nb");
    expect(plainText("1 &lt; 2")).toBe("1 < 2");
    expect(plainText("")).toBe("");
  });
});
