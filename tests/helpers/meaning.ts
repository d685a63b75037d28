import { loadMeaningModel, type MeaningModel } from "../../src/matching/semantic/meaning-model.js";

let loading: Promise<MeaningModel> | null = null;

/**
 * The sentence encoder as the bot loads it (vectors cached in node_modules/.cache, shared by every test
 * file), loaded once per test worker. Fails the test rather than falling back: a test that asks for the
 * meaning model must get it.
 */
export function meaningModel(): Promise<MeaningModel> {
  loading ??= loadMeaningModel((error) => {
    throw error;
  }).then((model) => {
    if (model === null) throw new Error("the meaning model did not load");
    return model;
  });
  return loading;
}
