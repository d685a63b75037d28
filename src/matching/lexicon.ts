/**
 * The language knowledge the matcher needs, as plain data a curator can read and extend. Everything here is
 * general (English function words, spelling variants, domain synonyms); nothing is tied to one question.
 */

/**
 * Words that carry no meaning for matching: articles, pronouns, auxiliaries, politeness, chat filler and
 * generic "tell me about" verbs. Question words are dropped too: the content words decide the entry.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet if then than that this these those there here
  is are was were be been being am isnt arent wasnt werent ain
  do does did doing done dont doesnt didnt have has had having havent hasnt hadnt
  will would shall should can could may might must wont wouldnt cant couldnt shouldnt
  i me my mine myself we us our ours you your yours u ur he him his she her hers it its they them their theirs
  what whats which whom whose how hows r ya yall
  of to in on at by for from with without about into onto over under as up down out off
  between among while during since until per via upon within across around
  any some all each every no not yes also just only very really quite too more most much many lot lots
  please pls plz thanks thank thx ty hi hey hello yo ok okay bro dude mate guys folks lol tbh rn idk btw fyi
  nah yeah yep yup nope imo imho afaik tldr tl dr cheers
  tell told say said says know knows knew explain explained describe give gives gimme lemme show shows let lets
  like need needs wonder wondering curious question questions ask asking answer
  get got gets go going gone thing things stuff something anything everything one ones
  bot talksbot according
  currently now today right exactly actually basically even already lately recently anymore soon yet
  kind sort type way`.split(/\s+/),
);

/**
 * Question words are kept as terms: "why no ceasefire" and "is there a ceasefire" are different entries.
 * Chat spellings of them are mapped first (see SPELLING_VARIANTS).
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(["why", "when", "where", "who"]);

/** In calendar order: month number n is MONTH_NAMES[n - 1]. */
export const MONTH_NAMES: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * "may" is a stop word except as the month next to a day number ("May 19", "19 may"); this is handled in
 * the tokenizer, which needs to know which tokens are month names.
 */
export const MONTHS: ReadonlySet<string> = new Set(MONTH_NAMES);

/**
 * A table looked up by typed words, with no prototype: "constructor" or "__proto__" typed in a question
 * finds nothing in it (in a plain object it finds Object's own members).
 */
export function wordTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const MONTH_ABBREVIATIONS: Readonly<Record<string, string>> = wordTable({
  jan: "january",
  feb: "february",
  mar: "march",
  apr: "april",
  jun: "june",
  jul: "july",
  aug: "august",
  sep: "september",
  sept: "september",
  oct: "october",
  nov: "november",
  dec: "december",
});

/**
 * Spellings of the same name or word that people type interchangeably, mapped to one form before anything
 * else looks at the token. Transliterations first, then British → American spellings.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = wordTable({
  wen: "when",
  whn: "when",
  wht: "what",
  whr: "where",
  nxt: "next",
  ppl: "people",
  abt: "about",
  bc: "because",
  cuz: "because",
  coz: "because",
  tho: "though",
  thru: "through",
  govt: "government",
  wanna: "want",
  wat: "what",
  wut: "what",
  wot: "what",
  wich: "which",
  wher: "where",
  whos: "who",
  whens: "when",
  wheres: "where",
  whys: "why",
  defence: "defense",
  offence: "offense",
  centre: "center",
  programme: "program",
  favour: "favor",
  behaviour: "behavior",
  honour: "honor",
  neighbour: "neighbor",
  labour: "labor",
  rumour: "rumor",
  endeavour: "endeavor",
  annexated: "annexed",
  annexation: "annex",
  travelling: "traveling",
  cancelled: "canceled",
  ceasefires: "ceasefire",
});

/**
 * Words ending in "-ise" that are not British spellings of "-ize" verbs, so the British → American rule
 * leaves them alone.
 */
export const ISE_EXCEPTIONS: ReadonlySet<string> = new Set(
  `advise advised advises advising arise arises arising chastise compromise compromised compromises
  concise despise devise devised disguise enterprise exercise exercised exercises expertise franchise
  improvise merchandise noise otherwise likewise clockwise premise precise promise promised promises
  promising praise praised raise raised raises raising revise revised reviser revising rise rises rising
  supervise supervised surmise surprise surprised surprises surprising televise wise cruise cruises
  poise reprise paradise treatise demise excise incise bruise`.split(/\s+/),
);

export const NUMBER_WORDS: Readonly<Record<string, number>> = wordTable({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});

export const ORDINAL_WORDS: Readonly<Record<string, number>> = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
});

export const NUMBER_SCALES: Readonly<Record<string, number>> = wordTable({
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
});

/**
 * Multi-word expressions that mean one thing, rewritten to a single token before stop words are dropped
 * (so "prisoner of war" survives as one idea). Keys are space-separated normalised words.
 */
const NEGATIONS = [
  "wont",
  "dont",
  "doesnt",
  "didnt",
  "not",
  "never",
  "cant",
  "wouldnt",
  "refuse to",
  "refuses to",
];
const ASSENT = ["accept", "agree", "agree to", "support", "want"];

/** "won't accept", "doesn't want", "refuses to agree to" all mean opposing. */
const NEGATED_ASSENT: Record<string, string> = Object.fromEntries(
  NEGATIONS.flatMap((negation) => ASSENT.map((verb) => [`${negation} ${verb}`, "oppose"])),
);

export const PHRASES: Readonly<Record<string, string>> = wordTable({
  ...NEGATED_ASSENT,
  "cease fire": "ceasefire",
  "stop fighting": "ceasefire",
  "stop the fighting": "ceasefire",
  "end the fighting": "ceasefire",
  "prisoner of war": "prisoner",
  "prisoners of war": "prisoner",
  "von der leyen": "leyen",
  "peace deal": "peace",
  "peace agreement": "peace",
  "peace process": "talks",
  "peace negotiations": "talks",
  "peace talks": "talks",
  "how long": "duration",
  "how many": "count",
  "how much": "count",
  "number of": "count",
  "how old": "age",
  "how many years": "duration",
  "phone call": "phone",
  "phone conversation": "phone",
  "telephone call": "phone",
  "spoke on the phone": "phone",
  "last ditch": "lastditch",
  "last gasp": "lastditch",
  "last chance": "lastditch",
  "hail mary": "lastditch",
  "no show": "noshow",
  "did not attend": "noshow",
  "didnt attend": "noshow",
  "didnt show up": "noshow",
  "did not show up": "noshow",
  "power grid": "grid",
  "ask for": "demand",
  "asks for": "demand",
  "asked for": "demand",
  "asking for": "demand",
  "call for": "demand",
  "calls for": "demand",
  "called for": "demand",
  "calling for": "demand",
  "push for": "demand",
  "pushing for": "demand",
  "pushed for": "demand",
  "ramp up": "escalate",
  "ramping up": "escalate",
  "ramped up": "escalate",
  "step up": "escalate",
  "stepping up": "escalate",
  "stepped up": "escalate",
  "riding on": "stake",
  "last resort": "lastditch",
  "final attempt": "lastditch",
  "final effort": "lastditch",
  "take place": "",
  "taking place": "",
  "put forward": "proposed",
  "come up with": "proposed",
  "came up with": "proposed",
  "i want to know": "",
  "i wanna know": "",
  "i would like to know": "",
  "is it true": "",
  "what about": "",
  "any word on": "",
  "the deal with": "",
  "what is going on": "",
  "whats going on": "",
  "going on with": "",
  "red lines": "demand",
  "red line": "demand",
  "face to face": "person",
  "in person": "person",
  "one on one": "person",
  "head to head": "person",
  "tit for tat": "retaliate",
  "hit back": "retaliate",
  "strike back": "retaliate",
  "struck back": "retaliate",
  "fight back": "retaliate",
  "fought back": "retaliate",
  "death toll": "casualty",
  "body count": "casualty",
  negotiator: "delegation",
  negotiators: "delegation",
  "negotiating team": "delegation",
  "news outlets": "outlet",
  "news sources": "outlet",
  "news source": "outlet",
  "news outlet": "outlet",
  "lower level": "low level",
  "low ranking": "low level",
  "junior level": "low level",
});

/**
 * Groups of words that mean the same thing in this domain. The first word of each group is the form every
 * other word is rewritten to (after Porter2 stemming, so "negotiating" needs no entry of its own: it meets
 * "negotiation" on one stem). The names of people, places and organisations, and their other names, are
 * not here: they are curated data, in the knowledge base's entity table.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["ceasefire", "truce", "armistice", "cessation"],
  ["exchange", "swap", "trade"],
  ["talks", "negotiation", "diplomacy", "diplomatic", "dialogue", "discussion"],
  ["prisoner", "pow", "captive", "detainee", "hostage"],
  ["russia", "russian", "kremlin", "moscow"],
  ["ukraine", "ukrainian", "kyiv"],
  ["usa", "american"],
  ["europe", "european"],
  ["istanbul", "turkey", "turkiye", "turkish"],
  ["crimea", "crimean"],
  ["nato", "alliance"],
  ["child", "children", "kid", "minor", "youngster"],
  ["kidnap", "abducted", "deported", "stolen"],
  ["sanction", "penalty", "embargo"],
  ["attack", "strike", "struck", "bombing", "shelling", "raid", "assault", "offensive"],
  ["drone", "uav", "shahed"],
  ["missile", "rocket"],
  ["war", "conflict", "fighting", "invasion", "hostilities"],
  ["kill", "dead", "died", "death", "murdered", "slain"],
  ["civilian", "people", "residents", "population"],
  ["city", "town"],
  ["demand", "condition", "precondition", "terms", "insist"],
  ["offer", "proposal", "invitation", "publish", "unveil", "present", "introduce", "announce"],
  ["meet", "met", "summit", "encounter", "session"],
  ["round"],
  ["where", "venue", "location", "host"],
  ["delegation", "team", "envoy", "representatives"],
  ["lead", "led", "head", "chief", "chair"],
  ["oppose", "reject", "refuse", "resist", "against"],
  ["surrender", "capitulation"],
  ["neutral"],
  ["demilitarize", "disarm", "disarmament"],
  ["recognize", "recognition", "recognise", "acknowledge"],
  ["annex", "occupied", "occupation", "seized"],
  ["territory", "land", "region", "area"],
  ["withdraw", "pull", "pullout", "retreat", "leave"],
  ["mediate", "broker", "intermediary", "middleman"],
  ["outlet", "source", "publication", "media", "newspaper", "site", "website", "quote", "cite"],
  ["accuse", "blame"],
  ["hide", "hid", "hidden", "dodging", "evading", "avoiding"],
  ["decision", "decide"],
  ["tougher", "harsher", "stronger", "tough", "harsh", "stricter", "strict", "heavier"],
  ["retaliate", "retaliatory", "counterattack", "revenge"],
  [
    "serious",
    "sincere",
    "genuine",
    "committed",
    "willing",
    "willingness",
    "intent",
    "interested",
    "keen",
    "eager",
  ],
  ["hesitancy", "reluctance", "unwilling", "unwillingness", "stalling"],
  ["criticize", "criticise", "denounce", "condemn", "slam", "dismissed"],
  ["absence", "absent", "skip", "snub", "noshow"],
  ["west", "western", "allies"],
  ["unity", "united", "unified", "solidarity", "cohesion"],
  ["infrastructure", "buildings", "grid"],
  ["plan", "formula", "framework", "blueprint", "roadmap"],
  ["cost", "toll", "casualty", "victims", "suffering"],
  ["escalate", "intensify", "ramping", "increase", "worsen"],
  ["stake", "matter", "important", "significance"],
  ["lastditch", "desperate"],
  ["earlier", "previous", "prior", "past", "former"],
  ["fail", "unsuccessful", "fruitless", "collapsed", "flopped"],
  ["phone", "telephone", "rang", "spoke", "conversation"],
  ["schedule", "slated", "expected", "upcoming", "next"],
  ["long", "longer", "duration", "length"],
  ["direct"],
  ["agree", "agreement", "deal", "accord", "consensus", "accept"],
];

/**
 * Generic words that say little about the topic ("latest", "situation", "happen"): they weigh a small fixed
 * amount wherever they appear, so "what's the latest" can still find the overview while "latest on the
 * ceasefire" is decided by "ceasefire".
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set(
  `latest news update updates info information detail details summary summarize recap brief overview rundown
  tldr status situation happen happened happening story think thought mean means meant make makes made take
  took put come came look looks looking seem seems seemed point points part fact facts anyone someone
  somebody anybody everyone time times place places progress state try tried trying tries attempt attempts
  attempted attempting use used using role roles play plays playing played true false correct accurate
  confirm confirmed`.split(/\s+/),
);

/**
 * Words that place a question in this subject: the war, the talks and the people in them. A question that
 * shares only everyday words with a phrasing ("what's the date", "how old are you", "repeat that") is not
 * about the talks, however well those words match, so its confidence is cut. Numbers the knowledge base
 * uses and the entity table's names count as topic words too.
 */
export const TOPIC_WORDS: readonly string[] =
  `ceasefire exchange talks prisoner sanctions attack drone missile war
  kill civilian demand offer delegation oppose surrender neutrality demilitarize recognize annex territory
  withdraw mediate outlet accuse hide tougher retaliate serious hesitancy criticize absence west unity
  infrastructure plan cost escalate stake lastditch round peace violence carnage impasse tensions kidnap
  child conflict military troops army soldiers minister defense invasion occupied frontline sovereignty
  security guarantees aid weapons diplomat treaty ultimatum reiterate bases cities strikes unconditional
  independence low earlier previous sides`.split(/\s+/);

/** Everyday forms of topic words: "talk to you" is small talk, "the talks" are negotiations. */
export const EVERYDAY_FORMS: ReadonlySet<string> = new Set([
  "talk",
  "talking",
  "talked",
  "speak",
  "speaking",
]);
