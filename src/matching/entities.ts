import type { Entity, EntityKind } from "../knowledge/schema.js";
import { normaliseWords, type RewriteRule, rewriteRuns, type Token } from "./normalise.js";

/** Tokens rewritten to an entity's name, and which entities the text mentions. */
export interface EntityReading<Tag> {
  tokens: Token<Tag>[];
  /** Ids of the entities named, by name or by alias. */
  mentions: ReadonlySet<string>;
}

export interface EntityReader {
  readonly entities: readonly Entity[];
  /**
   * Rewrites every alias in normalised words to its entity's name ("eu chief" → "von der leyen"); the
   * name's tokens take the merged tags of the alias's.
   */
  read<Tag>(tokens: readonly Token<Tag>[], merge: (tags: Tag[]) => Tag): EntityReading<Tag>;
  kindOf(id: string): EntityKind | undefined;
  /** Every word of every name and alias: all spelt right. */
  readonly vocabulary: ReadonlySet<string>;
}

/** An alias: its words after the first, rewritten to the entity's name. */
interface AliasRule extends RewriteRule {
  entity: Entity;
}

/**
 * Reads the entity table's names and aliases in questions and in the curated phrasings alike, longest
 * alias first, so both sides meet on the name the documents use.
 */
export function createEntityReader(entities: readonly Entity[]): EntityReader {
  const byFirstWord = new Map<string, AliasRule[]>();
  const vocabulary = new Set<string>();
  const kinds = new Map<string, EntityKind>();
  for (const entity of entities) {
    kinds.set(entity.id, entity.kind);
    const name = normaliseWords(entity.name);
    for (const alias of [entity.name, ...entity.aliases]) {
      const words = normaliseWords(alias);
      const [first, ...rest] = words;
      if (first === undefined) continue;
      for (const word of words) vocabulary.add(word);
      const rules = byFirstWord.get(first) ?? [];
      rules.push({ rest, entity, replacement: name });
      byFirstWord.set(first, rules);
    }
  }
  for (const rules of byFirstWord.values()) rules.sort((a, b) => b.rest.length - a.rest.length);

  function read<Tag>(tokens: readonly Token<Tag>[], merge: (tags: Tag[]) => Tag): EntityReading<Tag> {
    const mentions = new Set<string>();
    // "the alliance" is NATO, "alliance" alone may not be: an alias's leading "the" is matched when typed.
    const out = rewriteRuns(
      tokens,
      (word) => byFirstWord.get(word),
      merge,
      (rule) => mentions.add(rule.entity.id),
    );
    return { tokens: out, mentions };
  }

  return { entities, read, kindOf: (id) => kinds.get(id), vocabulary };
}

/**
 * True when the question and the phrasing each name an entity of one kind that the other does not (the
 * Russian delegation and the Ukrainian one): they are about different subjects, however many words agree.
 */
export function namesOtherEntity(
  question: ReadonlySet<string>,
  phrasing: ReadonlySet<string>,
  kindOf: (id: string) => EntityKind | undefined,
): boolean {
  const onlyIn = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
    new Set([...a].filter((id) => !b.has(id)).map(kindOf));
  const questionKinds = onlyIn(question, phrasing);
  if (questionKinds.size === 0) return false;
  for (const kind of onlyIn(phrasing, question)) if (questionKinds.has(kind)) return true;
  return false;
}
