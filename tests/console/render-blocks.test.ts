import { describe, expect, it } from "vitest";
import { buildHelpMessage } from "../../src/blocks/help.js";
import { ANSWER_NO_LONGER_AVAILABLE } from "../../src/blocks/messages.js";
import { buildNoticeMessage } from "../../src/blocks/notice.js";
import { button } from "../../src/blocks/text.js";
import { mrkdwnToText, renderBlocks, renderMessage } from "../../src/console/render-blocks.js";

describe("renderBlocks", () => {
  it("renders mrkdwn readably: links, mentions, emphasis and entities", () => {
    expect(
      mrkdwnToText(
        "*Ukraine:* see <https://e.org/a|AP News> by <@U1> in <#C1> &lt;!channel&gt; &amp; _more_",
      ),
    ).toBe("Ukraine: see AP News (https://e.org/a) by @U1 in #C1 <!channel> & more");
  });

  it("renders headers, sections, context, dividers and buttons", () => {
    const text = renderBlocks([
      { type: "header", text: { type: "plain_text", text: "Title" } },
      { type: "section", text: { type: "mrkdwn", text: "Body" } },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: "a" },
          { type: "mrkdwn", text: "b" },
        ],
      },
      { type: "divider" },
      { type: "actions", elements: [button("x", "Yes", "1"), button("y", "No", "2")] },
    ]);
    expect(text).toBe(`Title\n═════\nBody\n  a · b\n${"─".repeat(40)}\n[Yes] [No]`);
  });
});

describe("usage lines with the <question> placeholder", () => {
  it("reach Slack as entities, never as a raw `<question>` Slack would read as a link", () => {
    for (const message of [buildHelpMessage(), buildNoticeMessage(ANSWER_NO_LONGER_AVAILABLE)]) {
      const json = JSON.stringify(message);
      expect(json).toContain("&lt;question&gt;");
      expect(json).not.toContain("<question>");
    }
  });

  it("read as `<question>` in the console", () => {
    const help = renderMessage(buildHelpMessage());
    expect(help).toContain("/talks <question>");
    expect(help).toContain("@talks <question>");
    expect(help).not.toContain("&lt;");
    expect(renderMessage(buildNoticeMessage(ANSWER_NO_LONGER_AVAILABLE))).toContain("/talks <question>");
  });
});
