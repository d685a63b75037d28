import model from "wink-eng-lite-web-model";
import winkNLP, { type WinkMethods } from "wink-nlp";

let instance: WinkMethods | null = null;

/**
 * wink-nlp with its English model, one instance for the whole process: the model takes a moment to read,
 * and two instances over the one model object interfere (custom entities learnt by one break the other).
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
