import { describe, expect, it, vi } from "vitest";
import { engineJudge } from "../../src/evaluation/judge.js";
import { ANSWERED, DECLINED, FakeEngine } from "../helpers/knowledge.js";

describe("engineJudge", () => {
  it("gives each question its own verdict, in order: answered with its entry, or declined with suggestions", async () => {
    const judge = engineJudge(new FakeEngine());
    const verdicts = await judge(["when is the next round?", "how do you make pasta"]);
    expect(verdicts).toEqual([
      { answered: true, ids: [ANSWERED.id], suggestions: [], confidence: ANSWERED.confidence },
      {
        answered: false,
        ids: [],
        suggestions: DECLINED.suggestions.map((suggestion) => suggestion.id),
        confidence: DECLINED.confidence,
      },
    ]);
  });

  it("asks the engine once per distinct text, however many times and calls hold it", async () => {
    const engine = new FakeEngine();
    const judge = engineJudge(engine);
    const first = await judge(["next round?", "pasta", "next round?"]);
    // A second set sharing texts with the first, asked while a third call is in flight.
    const [second, third] = await Promise.all([
      judge(["pasta", "standup link", "next round?"]),
      judge(["standup link", "reset my password"]),
    ]);
    expect(engine.calls.sort()).toEqual(["next round?", "pasta", "reset my password", "standup link"]);
    expect(first.map((verdict) => verdict.answered)).toEqual([true, false, true]);
    expect(second.map((verdict) => verdict.answered)).toEqual([false, false, true]);
    expect(third).toHaveLength(2);
    expect(second[0]).toEqual(first[1]);
    // Every text already asked: the engine is not called again, not even with nothing.
    const askMany = vi.spyOn(engine, "askMany");
    expect(await judge(["pasta", "next round?"])).toEqual([first[1], first[0]]);
    expect(askMany).not.toHaveBeenCalled();
  });

  it("rejects every question of a call when the engine fails", async () => {
    const engine = new FakeEngine();
    engine.failWith = new Error("model thread gone");
    await expect(engineJudge(engine)(["next round?", "pasta"])).rejects.toThrow("model thread gone");
  });
});
