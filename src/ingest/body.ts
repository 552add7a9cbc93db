import { classifyLine, readKeyValue, type Line } from './lines.ts';
import { breadcrumbParts, COMMENTS_HEADING, HANDLE_LINE, INTERVIEW_QUESTION, LIST_HEADING, PROSE_END, SENTENCE_END } from './vocabulary.ts';

export interface PageLayout {
  lines: Line[];
  title: string | null;
  paragraphs: string[];
}

const MIN_PARAGRAPH = 20;
/** `<인터뷰> 박민지/경기 수원시`, `[녹취] 이정호/영등포경찰서 경비과장`: a broadcast script naming the next speaker. */
const INTERVIEW_CUE = /^[<[【]\s*(?:인터뷰|녹취|싱크|현장음)\s*[>\]】]\s*([^/<>[\]]{1,30}?)\s*\/\s*([^/<>[\]]{1,40})$/;
/** Syllables that end a Korean phrase mid-sentence: a line ending in one was wrapped, not finished. */
const CONTINUES = /[,·의은는이가을를에와과도로고며서면만께]$/;
const NUMBERED = /^\d{1,2}\s*[.)]\s*/;
/** Headlines in story lists are shorter than this; body paragraphs rarely are. */
const LIST_ITEM_MAX = 50;

/** Splits a normalised page into classified lines, its title and its body paragraphs (deduplicated, in order). */
export function readPageLayout(text: string): PageLayout {
  const lines = markStoryLists(joinWrappedLines(text.split('\n').map(classifyLine)));
  const title = findTitle(lines);
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  let cue: RegExpExecArray | null = null;
  for (const line of lines) {
    if (line.kind === 'blank') continue;
    const speaker = cue;
    cue = INTERVIEW_CUE.exec(line.text);
    if (!isBodyParagraph(line, title)) continue;
    // A page often prints its body twice (article view + list view): the first copy wins.
    const key = line.text.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    // What follows `<인터뷰> 박민지/경기 수원시` is what that person says: written as YTN prints it, with its
    // speaker, so that the paragraph names who is talking wherever it is quoted.
    const words = line.text.replace(/^["“](.+)["”]$/, '$1');
    paragraphs.push(speaker ? `[${speaker[1]!.trim()} / ${speaker[2]!.trim()} : ${words}]` : line.text);
  }
  return { lines, title, paragraphs };
}

function isBodyParagraph(line: Line, title: string | null): boolean {
  if (line.text === title || !/\p{Script=Hangul}/u.test(line.text)) return false;
  // An interviewer's question, however short, and whatever dash opens it (`- 계획은?` reads as a list marker).
  if ((line.kind === 'text' || line.kind === 'marker') && INTERVIEW_QUESTION.test(line.text)) return true;
  return line.kind === 'text' && line.text.length >= MIN_PARAGRAPH && PROSE_END.test(line.text);
}

/** Rejoins a paragraph that the scrape broke across lines. */
function joinWrappedLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  const wrapped = hardWrappedLines(lines);
  const sentenceAhead = sentenceEndsAhead(lines);
  lines.forEach((line, i) => {
    const prev = out.at(-1);
    if (prev && prev.kind === 'text' && line.kind === 'text' && (wrapped[i] || (isUnfinished(prev.text) && sentenceAhead[i]))) {
      out[out.length - 1] = { kind: 'text', text: `${prev.text} ${line.text}` };
    } else {
      out.push(line);
    }
  });
  return out;
}

/**
 * Whether a sentence ends at or after each line before the run of text lines it is in ends. A sentence broken
 * across lines ends somewhere; a long headline over its deck (`…"업무 시간 30% 단축"` / `월 구독료 1인당 1만원…`,
 * then the timestamps) ends nowhere, and is not one line.
 */
function sentenceEndsAhead(lines: Line[]): boolean[] {
  const ahead = lines.map(() => false);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    ahead[i] = line.kind === 'text' && (SENTENCE_END.test(line.text) || (ahead[i + 1] ?? false));
  }
  return ahead;
}

/**
 * Lines that continue the text line before them in a hard-wrapped paragraph (`정부는 1일 수입 농산물 검역` /
 * `절차를 간소화하는 …` / `… 발표했다.`): a block of text lines alone between blanks or other kinds of line, whose
 * last line ends a sentence and whose others are prose fragments (a space, Hangul, no sentence end, no `…` as
 * headlines have). Such short lines are not joined by `isUnfinished`, and alone none of them is a paragraph.
 */
function hardWrappedLines(lines: Line[]): boolean[] {
  const continues = lines.map(() => false);
  const isFragment = (text: string) =>
    text.length >= 8 && /\s/.test(text) && /\p{Script=Hangul}/u.test(text) && !SENTENCE_END.test(text) && !text.includes('…');
  let start = 0;
  let firstBlock = true;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.kind === 'text') continue;
    const block = lines.slice(start, i);
    // Not the page's first text lines (masthead, headline); three lines or more, all short and all but the last
    // about as long as the longest, as wrapping at a width makes them. A headline over a lead is two lines of
    // unrelated lengths.
    const longest = Math.max(...block.map((l) => l.text.length));
    const wrapped =
      !firstBlock &&
      block.length >= 3 &&
      longest <= HARD_WRAP_MAX &&
      SENTENCE_END.test(block.at(-1)!.text) &&
      block.slice(0, -1).every((l) => isFragment(l.text) && l.text.length >= WRAPPED_LINE_SHARE * longest);
    if (wrapped) for (let k = start + 1; k < i; k++) continues[k] = true;
    if (block.length > 0) firstBlock = false;
    start = i + 1;
  }
  return continues;
}

/** Hard-wrapped lines are at most this long; `isUnfinished` joins lines from 40 characters on anyway. */
const HARD_WRAP_MAX = 50;
/** A wrapped line (but the last) fills most of the width: at least this share of the block's longest line. */
const WRAPPED_LINE_SHARE = 0.6;

function isUnfinished(text: string): boolean {
  if (SENTENCE_END.test(text) || breadcrumbParts(text)) return false;
  return CONTINUES.test(text) || text.length >= 40;
}

/**
 * After a "많이 본 뉴스"-style heading, lines are other stories' headlines until real prose returns:
 * a long line ending in punctuation that is not numbered. After a comments heading below the body, lines
 * opening with a handle (`나라사랑: …`) are readers' comments.
 */
function markStoryLists(lines: Line[]): Line[] {
  let inList = false;
  let inComments = false;
  let seenProse = false;
  return lines.map((line) => {
    // A comment count above the body (`댓글 34` by the share buttons) is a button, not the comments section.
    if (COMMENTS_HEADING.test(line.text) && seenProse) inComments = true;
    if (line.kind === 'text' && PROSE_END.test(line.text) && line.text.length >= LIST_ITEM_MAX) seenProse = true;
    if (inComments && line.kind === 'text' && HANDLE_LINE.test(line.text)) return { ...line, kind: 'boilerplate' };
    if (line.kind === 'boilerplate' && LIST_HEADING.test(line.text)) inList = true;
    if (!inList || line.kind !== 'text') return line;
    if (NUMBERED.test(line.text) || !PROSE_END.test(line.text) || line.text.length < LIST_ITEM_MAX) {
      return { ...line, kind: 'boilerplate' };
    }
    inList = false;
    return line;
  });
}

/** An explicit `제목:` line, else the first headline-like line above the timestamps or the body. */
function findTitle(lines: Line[]): string | null {
  for (const line of lines) {
    const kv = line.kind === 'key' ? readKeyValue(line.text) : null;
    if (kv && (kv.key === '제목' || kv.key === 'title')) return kv.value;
  }
  const firstStamp = lines.findIndex((l) => l.kind === 'timestamp');
  const limit = firstStamp >= 0 && firstStamp < 15 ? firstStamp : lines.length;
  const candidates = lines.filter(
    (l, i) => l.kind === 'text' && isHeadlineLike(l.text) && (i < limit || !SENTENCE_END.test(l.text)) && !FULL_STOP.test(l.text),
  );
  // A Korean headline over a Latin masthead (`The Korea Economic Daily`); a Latin one only when there is no other.
  const hangul = candidates.find((l) => /\p{Script=Hangul}/u.test(l.text));
  return (hangul ?? candidates[0])?.text ?? null;
}

/**
 * Headlines do not end with a full stop; a page with none printed (a broadcast script opening with its anchor's
 * lead, `… 크게 늘었습니다.`) has no headline, and its first sentence stays in the body.
 */
const FULL_STOP = /[.。]["”’'」』)\]]*$/;

function isHeadlineLike(text: string): boolean {
  return text.length >= 8 && text.length <= 200 && /\s/.test(text) && !breadcrumbParts(text) && !PROGRAM_NAME.test(text);
}

/** A broadcaster's programme printed above the headline (`MBC 뉴스데스크`, `KBS 뉴스 9`, `SBS 8뉴스`). */
const PROGRAM_NAME = /^(?:KBS|MBC|SBS|YTN|JTBC|MBN|EBS|OBS|TV조선|채널A)\s*\d*\s*(?:뉴스|news)\s*\S{0,6}$/i;
