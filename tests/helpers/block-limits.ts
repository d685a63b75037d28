import { LIMITS } from "../../src/blocks/text.js";
import type { Block } from "../../src/blocks/types.js";

/** Every Slack limit the builders promise to respect; returns the violations (empty when fine). */
export function limitViolations(
  blocks: readonly Block[],
  maxBlocks: number = LIMITS.messageBlocks,
): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, index) => {
    if (block.type === "section" && (block.text?.text.length ?? 0) > LIMITS.sectionText)
      problems.push(`section ${index} text is ${block.text?.text.length}`);
    if (block.type === "header" && block.text.text.length > LIMITS.headerText)
      problems.push(`header ${index}`);
    if (block.type === "context") {
      if (block.elements.length > LIMITS.contextElements) problems.push(`context ${index} elements`);
      for (const element of block.elements)
        if ("text" in element && element.text.length > LIMITS.sectionText)
          problems.push(`context ${index} text`);
    }
    if (block.type === "actions") {
      if (block.elements.length > 25) problems.push(`actions ${index} elements`);
      for (const element of block.elements) {
        if (element.type !== "button") continue;
        if (element.text.text.length > LIMITS.buttonText)
          problems.push(`button label "${element.text.text}"`);
        if ((element.value?.length ?? 0) > LIMITS.buttonValue)
          problems.push(`button value ${element.action_id}`);
      }
    }
  });
  return problems;
}

export function allText(blocks: readonly Block[]): string {
  return JSON.stringify(blocks);
}
