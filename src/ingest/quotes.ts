import { z } from 'zod';
import { findQuoteSpans, maskQuotes, type QuoteSpan } from './quoteSpans.ts';
import { AGE, splitSpeakerPhrase, TITLES, type SpeakerParts } from './speakerPhrase.ts';

export const SpeakerSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  description: z.string(),
  named: z.boolean(),
});

export const QuoteSchema = z.object({
  speaker: z.string(),
  text: z.string().min(1),
  kind: z.enum(['direct', 'indirect']),
  paragraph: z.number().int().positive(),
});

export type Speaker = z.infer<typeof SpeakerSchema>;
export type Quote = z.infer<typeof QuoteSchema>;

/** `"…"라고/고/라며/며/면서 …` — what ties a quote to the verb of saying. */
const CONNECTOR = /^(?:이라고|라고|고|이라며|라며|며|이라면서|라면서|면서도|면서|하고)(?=[\s"“'‘]|$)/;
/** Connectors that may be followed by another quote of the same speaker (`"A"며 "B"고 밝혔다`). */
const CONTINUING = /^(?:이라며|라며|며|이라면서|라면서|면서도|면서)$/;
/** Verbs of saying, judging and predicting, in any ending. */
const REPORTING_VERB =
  /(?:말|밝히|밝혔|설명|강조|지적|내다보|내다봤|평가|덧붙|너스레|떨었|그었|웃었|웃으며|전했|전하|주장|예측|예상|전망|언급|답했|답변|물었|호소|토로|우려|비판|비유|발표|당부|털어놓|반박|해명|약속|경고|조언|분석|관측|봤|보았|했)[가-힣]*[.!]?$/;
/** Indirect speech: `…다고/라고/것이라며/것으로 … 예측했다` with the verb closing the sentence. */
const REPORTED_CLAUSE = /(?:다고|라고|이라며|다며|라며|것으로)\s[^]*?$/;
/** `회의 직후`, `발표 전`: a time before the subject. Not `김종인 전 위원장`, a former title (see speakerPhrase.ts). */
const LEADING_ADVERBS = new RegExp(
  `^(?:(?:하지만|그러나|다만|또한|또|이어|이어서|앞서|한편|특히|이에|이날|그러면서|아울러|반면|그리고|이와 함께|[가-힣]{1,6}\\s+(?:후|직후|전(?!\\s+${TITLES.source.slice(1, -1)})|직전|도중|이후|당시))\\s+)+`,
);
/** Words that end in 은/는 without being a subject: adnominal verbs (`15년이라는`, `몰아내지는`). */
const NOT_A_TOPIC = /(?:라는|다는|하는|되는|있는|없는|지는|기는|는데|려는|으로는|로는|에게는)$/;
const TOPIC = /^(.+?)(?:에서는|은|는|도)$/;
const SUBJECT = /^(.+?)(?:이|가)$/;
/** Case particles of a verb's arguments (`대피소에`, `떡집을`). */
const ARGUMENT = /(?:에|에서|을|를|로|와|과)$/;
const PRONOUN = /^(?:그|그녀|그들|본인|자신)$/;
const DEMONSTRATIVE = /^(?:이|그|해당)\s+(\S+)$/;
/** `트럼프 대통령`: one word, then a title. */
const FAMILY_TITLE = /^([\uac00-\ud7a3]{2,6})\s+(\S+)$/;
const SURNAME_TITLE = /^([가-힣])\s+(\S+)$/;
/** `[name / description : words]` or `[description : words]`, as broadcasters (YTN, JTBC) print what someone says on camera. */
const BROADCAST_BITE = /^\[([^[\]/:]{1,30})(?:\/([^[\]/:]{1,40}))?:([^[\]]+)\]$/;
/** `[인터뷰] 박정희/질병관리청 기후보건팀장 : "…"`: KBS's cue, who, and the words on one line. */
const CUED_BITE = /^[<[【]\s*(?:인터뷰|녹취|싱크)\s*[>\]】]\s*([^/:]{1,30})\/([^:]{1,40}):\s*["“]([^"“”]+)["”]$/;
/** How many paragraphs back an elided subject may reach for its speaker. */
const ELISION_REACH = 2;

interface Attribution {
  speaker: SpeakerParts;
  paragraph: number;
}

interface ParagraphInput {
  n: number;
  sentences: string[];
}

/** Who said what in an article: direct quotes with their speaker, and reported statements marked `indirect`. */
export function extractQuotes(paragraphs: ParagraphInput[]): { speakers: Speaker[]; quotes: Quote[] } {
  const speakers = new Map<string, Speaker>();
  const quotes: Quote[] = [];
  // An object, not a `let`: the closure below updates it and TypeScript tracks that.
  const last: { attribution: Attribution | null } = { attribution: null };

  const attribute = (parts: SpeakerParts, n: number, kind: Quote['kind'], texts: string[]): void => {
    const id = parts.name.slice(0, 100);
    // A speaker is someone: a phrase that left no name (a stray particle) attributes nothing.
    if (id.trim() === '') return;
    const known = speakers.get(id);
    if (!known) speakers.set(id, { id, ...parts });
    else if (!known.title && parts.title) speakers.set(id, { ...known, ...parts, description: known.description || parts.description });
    for (const text of texts) quotes.push({ speaker: id, text, kind, paragraph: n });
    last.attribution = { speaker: speakers.get(id)!, paragraph: n };
  };

  for (const { n, sentences } of paragraphs) {
    // A broadcast sound bite, `[박상우 / 국토교통부 장관 : 피해자들이 …]`: who, what they are, what they said.
    const bite = BROADCAST_BITE.exec(sentences.join(' ').trim()) ?? CUED_BITE.exec(sentences.join(' ').trim());
    // Without a `/ description`, the label must name a role (`서울교통공사 관계자`), not a note (`[편집자 주: …]`).
    const role = bite && !bite[2] ? TITLES.test(bite[1]!.trim().split(/\s+/).at(-1)!) : true;
    if (bite && role) {
      attribute(splitSpeakerPhrase(`${bite[2]?.trim() ?? ''} ${bite[1]!.trim()}`), n, 'direct', [bite[3]!.trim()]);
      continue;
    }
    // A paragraph that is nothing but a quote (an interview's answer) is the last speaker's, if recent.
    const bare = bareQuote(sentences.join(' '));
    if (bare !== null) {
      const previous = last.attribution;
      if (previous && n - previous.paragraph <= ELISION_REACH) attribute(previous.speaker, n, 'direct', [bare]);
      continue;
    }
    for (const sentence of sentences) {
      const previous = last.attribution;
      const recent = previous && n - previous.paragraph <= ELISION_REACH ? previous : null;
      const chains = directQuoteChains(sentence);
      if (chains.length > 0) {
        for (const chain of chains) {
          const found = findSpeakers(sentence.slice(0, chain[0]!.start), [...speakers.values()], recent, 'direct');
          for (const speaker of found) attribute(speaker, n, 'direct', chain.map((s) => quoteText(sentence, s)));
        }
        continue;
      }
      if (!isReportedStatement(sentence)) continue;
      const found = findSpeakers(sentence, [...speakers.values()], recent, 'indirect');
      for (const speaker of found) attribute(speaker, n, 'indirect', [sentence.replace(LEADING_ADVERBS, '')]);
    }
  }
  return { speakers: [...speakers.values()], quotes };
}

/** The words of a paragraph that is one quotation and nothing else (`"올해가 변곡점이 될 겁니다."`), else null. */
function bareQuote(text: string): string | null {
  const m = /^["“]([^"“”]+)["”]$/.exec(text.trim());
  return m && /\s/.test(m[1]!.trim()) ? m[1]!.trim() : null;
}

/** Groups of quote spans that end in a verb of saying; emphasised terms (`'서유기'가`) are not speech. */
function directQuoteChains(sentence: string): QuoteSpan[][] {
  const chains: QuoteSpan[][] = [];
  let chain: QuoteSpan[] = [];
  for (const span of findQuoteSpans(sentence)) {
    const after = sentence.slice(span.end);
    const connector = CONNECTOR.exec(after)?.[0];
    if (!connector || !isSpeechLike(sentence, span)) {
      chain = [];
      continue;
    }
    chain.push(span);
    const rest = after.slice(connector.length).trimStart();
    if (CONTINUING.test(connector) && /^["“'‘]/.test(rest)) continue;
    if (REPORTING_VERB.test(verbPhrase(rest))) chains.push(chain);
    chain = [];
  }
  return chains;
}

/** The words after a quote up to the sentence end, without a nested quote in between. */
function verbPhrase(rest: string): string {
  return maskQuotes(rest).trim();
}

/** Speech has several words; a single quoted word followed by `라고` is a label (`'혁명'이라고 불렀다`). */
function isSpeechLike(sentence: string, span: QuoteSpan): boolean {
  return /\s/.test(sentence.slice(span.start + 1, span.end - 1).trim());
}

function quoteText(sentence: string, span: QuoteSpan): string {
  return sentence.slice(span.start + 1, span.end - 1).trim();
}

function isReportedStatement(sentence: string): boolean {
  const masked = maskQuotes(sentence);
  const clause = REPORTED_CLAUSE.exec(masked)?.[0];
  return clause !== undefined && REPORTING_VERB.test(clause);
}

/**
 * The speakers of a quote from the words before it: the topic (`…저우훙이는`) or subject (`김 씨가`) of the clause,
 * resolved against earlier speakers for `그는`, `이 블로거는` and `최 회장은`; none found means the subject is
 * elided and the quote continues the previous speaker. Two people joined by `와`/`과` after a title (`권성동
 * 원내대표와 … 박찬대 원내대표는`) both said it; the one nearest the verb comes first.
 */
function findSpeakers(prefix: string, known: Speaker[], recent: Attribution | null, mode: 'direct' | 'indirect'): SpeakerParts[] {
  const phrase = speakerPhraseOf(prefix, recent, mode);
  if (typeof phrase !== 'string') return phrase ? [phrase] : [];
  const speakers: SpeakerParts[] = [];
  // `김 장관과 면담한 업체 대표는`: a verb after the pair's `과` makes the rest a clause about one person.
  const parts = phrase.split(TITLED_CONJUNCT);
  const conjuncts = parts.slice(1).some((p) => ADNOMINAL.test(p.split(' ')[0]!)) ? [phrase] : parts;
  conjuncts.forEach((conjunct, i) => {
    // All but the last end in the `와`/`과` they were split after.
    const words = (i < conjuncts.length - 1 ? conjunct.replace(/(?:와|과)$/, '') : conjunct).trim();
    const found = words ? (resolveReference(words, known, recent) ?? splitSpeakerPhrase(words)) : null;
    if (found?.name && !speakers.some((s) => s.name === found.name)) speakers.unshift(found);
  });
  return speakers;
}

/** Verb forms that describe a noun after them (`면담한`, `만난`, `찾은`, `이끄는`, `일했던`). */
const ADNOMINAL = /(?:한|던|는|된|난|본|온|간|운|준|찾은|받은|맡은)$/;

/** The space after `원내대표와`, `장관과`: a title closing the first person of a pair. */
const TITLED_CONJUNCT = new RegExp(`(?<=${TITLES.source.slice(1, -1)}(?:와|과))\\s+`);

/** The words naming the speaker, or the speaker already known when the subject is elided (or none). */
function speakerPhraseOf(prefix: string, recent: Attribution | null, mode: 'direct' | 'indirect'): string | SpeakerParts | null {
  const original = prefix.split(/따르면\s+/).at(-1)!.replace(LEADING_ADVERBS, '');
  // Words are found in the masked text (same length), so a quoted name (`'AI 정신병원'은`) is one word.
  const words = [...maskQuotes(original).matchAll(/\S+/g)].map((m) => ({ masked: m[0], start: m.index, end: m.index + m[0].length }));
  // A parenthesis marks a gloss or an aside (`인공범용지능(AGI)은`), except a person's age (`김정호(54)씨는`).
  const bracketed = (w: { masked: string }) => w.masked.replace(AGE, '').includes('(');
  const isTopic = (w: { masked: string }) => TOPIC.test(w.masked) && !NOT_A_TOPIC.test(w.masked) && !bracketed(w);
  let firstTopic = words.findIndex(isTopic);
  // `대피소에 머무는 한 주민은`, `축제를 찾은 한 시민은`: a `는`/`은` word after an argument (`…에`, `…을`) is a
  // verb describing the topic that follows within a few words, not the topic.
  for (let later = -1; firstTopic > 0 && /[은는]$/.test(words[firstTopic]!.masked); firstTopic = later) {
    if (!ARGUMENT.test(words[firstTopic - 1]!.masked)) break;
    later = words.findIndex((w, i) => i > firstTopic && i <= firstTopic + 3 && isTopic(w));
    if (later < 0) break;
  }
  // A reported statement opens with its speaker; a `은/는` word after a case-marked one is inside the reported
  // clause (`수준이 오픈AI가 … 내놓은`), not a topic.
  const firstArgument = words.findIndex((w) => /(?:이|가|을|를)$/.test(w.masked));
  let topicAt = mode === 'indirect' && firstArgument >= 0 && firstArgument < firstTopic ? -1 : firstTopic;
  // `김정은 위원장은`: a name that merely ends in 은/는 is followed by the real topic, its title. So is a word of
  // one syllable and `은`/`는` (`한은 금융통화위원회는`: 한국은행's abbreviation).
  const next = words[topicAt + 1];
  const nextTopic = next && TOPIC.test(next.masked) && !NOT_A_TOPIC.test(next.masked) ? TOPIC.exec(next.masked)![1]! : null;
  const short = topicAt >= 0 && /^[가-힣][은는]$/.test(words[topicAt]!.masked) && !PRONOUN.test(words[topicAt]!.masked.slice(0, 1));
  if (topicAt >= 0 && nextTopic && (TITLES.test(nextTopic) || short)) topicAt += 1;
  // In reported speech an `이/가` subject belongs to the reported clause (`기간이 … 단축될 것이라고`), not the speaker.
  const subjectAt = topicAt >= 0 || mode === 'indirect' ? -1 : words.findIndex((w) => SUBJECT.test(w.masked) && !bracketed(w));
  const at = topicAt >= 0 ? topicAt : subjectAt;
  if (at < 0) return recent?.speaker ?? null;

  const head = words[at]!;
  const particle = (topicAt >= 0 ? TOPIC : SUBJECT).exec(head.masked)!;
  const phraseStart = words[Math.max(0, at - 7)]!.start;
  return original.slice(phraseStart, head.start + particle[1]!.length).trim();
}

/** `그는` → the last speaker; `이 블로거는` → the last speaker with that title; `최 회장은` → 최… 회장 named earlier. */
function resolveReference(phrase: string, known: Speaker[], recent: Attribution | null): SpeakerParts | null {
  if (PRONOUN.test(phrase)) return recent?.speaker ?? null;
  const demonstrative = DEMONSTRATIVE.exec(phrase);
  if (demonstrative) {
    const role = demonstrative[1]!;
    const match = [...known].reverse().find((s) => s.title === role || s.description.endsWith(role));
    return match ?? recent?.speaker ?? null;
  }
  const surnameTitle = SURNAME_TITLE.exec(phrase);
  if (surnameTitle && TITLES.test(surnameTitle[2]!)) {
    const [, surname, title] = surnameTitle;
    return [...known].reverse().find((s) => s.named && s.name.startsWith(surname!) && (s.title === title || title === '씨')) ?? null;
  }
  // `트럼프 대통령은`: a foreign family name, last in the full name given first (`도널드 트럼프 미국 대통령`).
  const familyTitle = FAMILY_TITLE.exec(phrase);
  if (familyTitle && TITLES.test(familyTitle[2]!)) {
    const [, family, title] = familyTitle;
    return [...known].reverse().find((s) => s.named && s.title === title && s.name.endsWith(` ${family}`)) ?? null;
  }
  return null;
}
