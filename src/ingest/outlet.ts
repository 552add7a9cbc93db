/** Which outlet published a page, from the signs Korean news pages leave: ⓒ lines, datelines, e-mail domains, tip lines. */

const DOMAIN_OUTLETS: Record<string, string> = {
  'kbs.co.kr': 'KBS',
  'mbc.co.kr': 'MBC',
  'sbs.co.kr': 'SBS',
  'ytn.co.kr': 'YTN',
  'jtbc.co.kr': 'JTBC',
  'yna.co.kr': '연합뉴스',
  'yonhapnews.co.kr': '연합뉴스',
  'chosun.com': '조선일보',
  'joongang.co.kr': '중앙일보',
  'donga.com': '동아일보',
  'hani.co.kr': '한겨레',
  'khan.co.kr': '경향신문',
  'hankyung.com': '한국경제',
  'mk.co.kr': '매일경제',
  'newsis.com': '뉴시스',
  'news1.kr': '뉴스1',
  'hankookilbo.com': '한국일보',
  'seoul.co.kr': '서울신문',
};

const COPYRIGHT = /(?:(?:[ⓒ©]|\(c\)|copyright)\s*)+(?:\d{4}\s*)?([^\s.,()&<>]+)/i;
/** `(서울=연합뉴스)` and `[한국경제] 이수민 기자 =`: the outlet is the second part, or the bracket. */
const DATELINES = [/^\([가-힣]{1,10}\s*=\s*([^)]{1,15})\)/, /^\[([^\]]{2,15})\]\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*=/];
const EMAIL_DOMAIN = /@((?:[\w-]+\.)+[a-z]{2,})/gi;
const TIP_LINE = /'([^']{2,10}?)제보'/;

/** First sign found, strongest first: a copyright line beats a dateline beats an e-mail domain beats a masthead. */
export function findOutlet(lines: string[], paragraphs: string[]): string | null {
  for (const line of lines) {
    const m = COPYRIGHT.exec(line);
    if (m?.[1]) return m[1];
  }
  for (const dateline of DATELINES) {
    const outlet = dateline.exec(paragraphs[0] ?? '')?.[1];
    if (outlet) return outlet.trim();
  }
  for (const line of lines) {
    for (const m of line.matchAll(EMAIL_DOMAIN)) {
      const outlet = outletForDomain(m[1]!.toLowerCase());
      if (outlet) return outlet;
    }
  }
  for (const line of lines) {
    const tip = TIP_LINE.exec(line);
    if (tip?.[1]) return tip[1];
  }
  // Weakest: a masthead, a line that is only a known outlet's name (`조선일보` above the headline).
  return lines.find((line) => KNOWN_OUTLETS.has(line.trim())) ?? null;
}

const KNOWN_OUTLETS = new Set(Object.values(DOMAIN_OUTLETS));

function outletForDomain(domain: string): string | null {
  const known = Object.entries(DOMAIN_OUTLETS).find(([d]) => domain === d || domain.endsWith(`.${d}`));
  if (known) return known[1];
  if (/(?:gmail|naver|daum|hanmail|kakao|nate|hotmail|outlook|yahoo)\./.test(domain)) return null;
  const label = domain.split('.')[0] ?? '';
  return label.length >= 2 && label.length <= 5 ? label.toUpperCase() : null;
}

/** `(서울=연합뉴스) 홍길동 기자 = ` or `[한국경제] 이수민 기자 = ` opening the first paragraph: metadata, not body text. */
const DATELINE_PREFIX =
  /^(?:\([^)]{1,30}=[^)]{1,20}\)|\[[^\]]{1,20}\])\s*(?:([가-힣]{2,4}(?:\s*·\s*[가-힣]{2,4})*\s*(?:기자|특파원))\s*=\s*)?/;

export function splitDateline(paragraph: string): { byline: string | null; rest: string } {
  const m = DATELINE_PREFIX.exec(paragraph);
  // A bare `[단독]` tag is part of the text; only a bracket followed by a byline is a dateline.
  if (!m || (m[0].startsWith('[') && !m[1])) return { byline: null, rest: paragraph };
  return { byline: m[1] ?? null, rest: paragraph.slice(m[0].length) };
}
