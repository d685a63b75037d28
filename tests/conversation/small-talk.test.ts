import { describe, expect, it } from "vitest";
import { smallTalkKind } from "../../src/conversation/small-talk.js";

describe("small talk, decided on the whole message before matching", () => {
  it.each([
    ["hi", "greeting"],
    ["Hey there talks bot! 👋", "greeting"],
    [":wave:", "greeting"],
    ["thanks!!", "thanks"],
    ["Thank you so much", "thanks"],
    ["great, thanks", "thanks"],
    ["ok cool", "acknowledgement"],
    ["👍", "acknowledgement"],
    ["bye", "farewell"],
    ["what can you do?", "capabilities"],
    ["hi, what can you do?", "capabilities"],
    ["who are you?", "identity"],
    ["help", "help"],
    ["how do I use this?", "help"],
  ] as const)("reads %j as %s", (text, kind) => {
    expect(smallTalkKind(text)).toBe(kind);
  });

  it.each([
    "hi, who leads the Russian delegation?",
    "thanks! and what about Russia?",
    "what do you know about the ceasefire?",
    "what can you tell me about Russia's demands?",
    "help me understand the Crimea question",
    "ceasefire?",
    "",
    "   ",
  ])("leaves %j to the matcher", (text) => {
    expect(smallTalkKind(text)).toBeNull();
  });

  it("gives up on long messages, whatever they hold", () => {
    expect(smallTalkKind("thanks ".repeat(17))).toBeNull();
    expect(smallTalkKind("thanks ".repeat(3))).toBe("thanks");
  });

  it("reads curly apostrophes like straight ones", () => {
    expect(smallTalkKind("what’s your name?")).toBe("identity");
  });
});
