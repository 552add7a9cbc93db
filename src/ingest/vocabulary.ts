/** Words that mark page furniture rather than reporting; general to Korean news sites, not to one file. */

/** Phrases that make any line boilerplate, however long. */
export const ALWAYS_BOILERPLATE = [
  /[ⓒ©]/,
  /copyright/i,
  /무단\s*(?:전재|복제)/,
  /재배포\s*(?:금지|및)/,
  /저작권자/,
  /AI\s*학습\s*(?:및\s*)?(?:활용|이용)\s*금지/,
];

/** Phrases that make a short line (menus, buttons, prompts) boilerplate. */
export const SHORT_LINE_BOILERPLATE = [
  /읽어\s*주기/,
  /브라우저에서만\s*사용/,
  /기사\s*듣기|음성으로\s*듣기/,
  /제보\s*하기|제보\s*(?:전화|메일)|^제보$/,
  /좋으셨다면/,
  /핫\s*클릭/,
  /많이\s*본\s*(?:뉴스|기사)|인기\s*(?:뉴스|기사)|관련\s*(?:뉴스|기사)|추천\s*(?:뉴스|기사)|주요\s*뉴스/,
  /실시간\s*(?:뜨거운|인기|검색)/,
  /관심을\s*받고\s*있는\s*뉴스/,
  /의견을\s*남겨\s*주세요|댓글/,
  /공유\s*하기|글자\s*크기|스크랩|인쇄\s*하기|^인쇄$|좋아요|구독\s*하기|구독해\s*주세요/,
  /수신료/,
  /기사\s*(?:원문|목록)|^(?:목록|이전|다음)\s*(?:기사)?$/,
  /카카오톡\s*[:：]|전화\s*[:：]|이메일\s*[:：]|e-?mail\s*[:：]/i,
  /^(?:전체\s*)?메뉴$|^로그인$|^회원가입$|^(?:구독|공유|추천|북마크|번역|글씨\s*크기|본문\s*듣기)$/,
  // Reader polls and translation buttons under or over a portal's copy.
  /어떻게\s*생각하시나요\?$|후속\s*기사\s*원해요|^번역\s*beta$|^translated\s+by\b/i,
  // Portal furniture: skip links, the portal's own masthead, summary and speech buttons, section notices.
  /^본문\s*바로\s*가기$|^(?:NAVER|네이버|Daum|다음)\s*뉴스$|요약봇|^핵심\s*요약$|텍스트\s*음성\s*변환|SNS\s*보내기|언론사에서.*섹션으로\s*분류|섹션\s*분류\s*안내/i,
  // Broadcast script cues: `◀ 앵커 ▶`, `[리포트]`.
  /^[◀◁【[]\s*(?:앵커|리포트|기자|인터뷰|녹취|현장음|자막)\s*[▶▷】\]]$/,
];

/** A wire photo's caption, however long: it ends with the photo's date and address (`… 2025.4.5 jjaeck9@yna.co.kr`). */
export const WIRE_PHOTO_CAPTION = /\s\d{4}\.\d{1,2}\.\d{1,2}\.?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$/;
/**
 * A short line ending in a photo credit (`[연합뉴스 자료사진]`, `(사진=연합뉴스)`) is a caption; a paragraph with the
 * credit at its end is not, so only short lines.
 */
export const PHOTO_CREDIT = /[[(](?:[^\])]{0,15}\s)?(?:자료\s*)?사진(?:\s*=\s*[^\])]{1,20}|\s*제공)?[\])]$/;

/** A comments section's heading (`댓글 128`, `댓글(3)`): the lines after it that open with a handle are readers'. */
export const COMMENTS_HEADING = /^(?:댓글|의견)\s*\(?\d+\)?$/;
/** A reader's comment line: a handle, a colon, the comment (`나라사랑: 정부가 …`). */
export const HANDLE_LINE = /^[^\s:：]{1,15}\s*[:：]\s/;

/** Headings after which numbered lines are a list of other stories, not the body. */
export const LIST_HEADING = /많이\s*본|인기|핫\s*클릭|관련\s*(?:뉴스|기사)|추천|주요\s*뉴스|실시간|랭킹/;

/** Labels printed before a publication / modification timestamp. */
export const PUBLISHED_LABEL = /(?:기사\s*)?입력|등록|송고\s*(?:시간)?|승인|게재|발행|작성|보도\s*(?:시점|일시)|배포\s*일시|published|posted/i;
export const MODIFIED_LABEL = /(?:최종\s*|기사\s*)?수정|업데이트|updated|modified/i;

/**
 * Lines opening with these signs are list items, buttons, tip-lines or (`▲`) photo captions. `△` is not one: it
 * opens lists inside the body (`△서울 25개 구 △경기 31개 시군 …`).
 */
export const MARKER_PREFIX = /^[■□▷▶►▸•·※☞◆◇●○◎★☆➤→\-–*▲]\s*/;

/** Reporter roles that make a line a byline. */
export const REPORTER_ROLE = '(?:선임|수석|전문|객원)?(?:기자|특파원|통신원|리포터|논설위원|에디터|PD)';

/** Where a sentence may end: punctuation, or a final ending (`다`, `요`) before closing quotes or the line end. */
export const SENTENCE_END = /[.!?。…]["”’'」』)\]]*$|[다요죠까]["”’'」』)\]]+$|[다요죠]$/;
/** Body prose ends in punctuation; a bare `…커진다` line is a headline (another story's, or a caption). */
export const PROSE_END = /[.!?。…]["”’'」』)\]]*$|[다요죠까]["”’'」』]+$/;

/**
 * The parts of a breadcrumb line (`홈 > 경제 > 산업`, `사회 | 사건·사고`), or null for any other line. A bar also
 * separates a masthead from a timestamp, so it counts only between short labels on a short line.
 */
export function breadcrumbParts(text: string): string[] | null {
  if (/\s[>›»]\s/.test(text)) return text.split(/\s[>›»]\s/).map((c) => c.trim());
  if (text.length > 30 || !/\s\|\s/.test(text)) return null;
  const parts = text.split(/\s\|\s/).map((c) => c.trim());
  return parts.every((c) => c.length > 0 && c.length <= 10 && !/\d/.test(c)) ? parts : null;
}

/**
 * An interviewer's question in a Q&A article (`―기업용 AI 시장 전망은?`, `Q. 계획은?`, `문: 언제?`): kept as a
 * paragraph however short, as it says what the answer after it is about, but never itself an answer.
 */
export const INTERVIEW_QUESTION = /^(?:[―—–-]\s*|Q\s*[.:]\s*|문\s*[:.]\s*)[^\s―—–-].*\?["”']?$/;

/** A government press release's paragraph bullets (`□ 과학기술정보통신부는 … 발표하였다.`, `ㅇ 정부는 …`). */
export const PROSE_BULLET = /^[□○◦ㅇ]\s+/;
