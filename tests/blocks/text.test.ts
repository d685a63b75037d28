import { describe, expect, it } from "vitest";
import {
  button,
  echoQuestion,
  escapeMrkdwn,
  escapeUserText,
  fitBlocks,
  LIMITS,
  link,
  section,
  truncate,
} from "../../src/blocks/text.js";

describe("truncate", () => {
  it("leaves short text alone", () => {
    expect(truncate("short", 10)).toBe("short");
  });

  it("cuts to the limit, ending in an ellipsis, at a word when one is near", () => {
    const cut = truncate("the quick brown fox jumps over the lazy dog", 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe("the quick brown fox…");
  });

  it("never splits an emoji in half", () => {
    const cut = truncate(`${"a".repeat(8)}😀😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe("escapeMrkdwn", () => {
  it("disarms mentions, broadcasts and links", () => {
    expect(escapeMrkdwn("<!channel> <!here> <@U123> <https://x|y> & co")).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://x|y&gt; &amp; co",
    );
  });

  it("shortens an echoed question before escaping it", () => {
    const echoed = echoQuestion(`<!channel> ${"x".repeat(5_000)}`);
    expect(echoed.startsWith("&lt;!channel&gt;")).toBe(true);
    expect(echoed.length).toBeLessThanOrEqual(LIMITS.echoedQuestion + 10);
    expect(echoed).not.toContain("<");
  });
});

describe("escapeUserText", () => {
  const ZWSP = "\u200B";

  it("keeps *, _, ~ and backticks as typed: none can open or close bold, italics, strike or code", () => {
    const shown = escapeUserText("*bold* _it_ ~gone~ `code` and 2*3");
    expect(shown).toBe(
      [
        `${ZWSP}*${ZWSP}bold${ZWSP}*${ZWSP}`,
        `${ZWSP}_${ZWSP}it${ZWSP}_${ZWSP}`,
        `${ZWSP}~${ZWSP}gone${ZWSP}~${ZWSP}`,
        `${ZWSP}\`${ZWSP}code${ZWSP}\`${ZWSP}`,
        "and",
        `2${ZWSP}*${ZWSP}3`,
      ].join(" "),
    );
    // Every formatting character has an invisible space on both sides; read without them, the text is as typed.
    expect(shown.match(/(?<!\u200B)[*_~`]|[*_~`](?!\u200B)/g)).toBeNull();
    expect(shown.replaceAll(ZWSP, "")).toBe("*bold* _it_ ~gone~ `code` and 2*3");
  });

  it("escapes <, > and & as well, so nothing typed can ping or link", () => {
    expect(escapeUserText("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  });

  it("is what an echoed question goes through", () => {
    expect(echoQuestion("why *now*?")).toBe(escapeUserText("why *now*?"));
  });
});

describe("builders", () => {
  it("keeps section text and button labels within Slack's limits", () => {
    const block = section("y".repeat(10_000));
    expect(block.type === "section" && block.text?.text.length).toBe(LIMITS.sectionText);
    expect(button("a", "label ".repeat(30), "v").text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
  });

  it("refuses a button value over the limit rather than cutting it", () => {
    expect(() => button("a", "b", "v".repeat(LIMITS.buttonValue + 1))).toThrow(RangeError);
  });

  it("links with the URL made safe for mrkdwn", () => {
    expect(link("https://e.org/a?x=1&y=<2>|3", "A & B")).toBe(
      "<https://e.org/a?x=1&amp;y=%3C2%3E%7C3|A &amp; B>",
    );
  });

  it("fits a long message into the block limit, keeping the buttons last", () => {
    const blocks = [
      ...Array.from({ length: 80 }, (_, i) => section(`line ${i}`)),
      { type: "actions" as const, elements: [button("a", "b", "c")] },
    ];
    const fitted = fitBlocks(blocks, 50, "more not shown");
    expect(fitted).toHaveLength(50);
    expect(fitted.at(-1)?.type).toBe("actions");
    expect(JSON.stringify(fitted.at(-2))).toContain("more not shown");
  });
});
