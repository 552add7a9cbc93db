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
  'kyunghyang.com': '경향신문',
  'hankyung.com': '한국경제',
  'mk.co.kr': '매일경제',
  'newsis.com': '뉴시스',
  'news1.kr': '뉴스1',
  'hankookilbo.com': '한국일보',
  'seoul.co.kr': '서울신문',
  'edaily.co.kr': '이데일리',
  'mt.co.kr': '머니투데이',
  'sedaily.com': '서울경제',
  'fnnews.com': '파이낸셜뉴스',
  'asiae.co.kr': '아시아경제',
  'heraldcorp.com': '헤럴드경제',
  'nocutnews.co.kr': '노컷뉴스',
  'ohmynews.com': '오마이뉴스',
  'kmib.co.kr': '국민일보',
  'segye.com': '세계일보',
  'munhwa.com': '문화일보',
  'imbc.com': 'MBC',
  'mbn.co.kr': 'MBN',
  'tvchosun.com': 'TV조선',
  'ichannela.com': '채널A',
  'yonhapnewstv.co.kr': '연합뉴스TV',
  'etnews.com': '전자신문',
  'dt.co.kr': '디지털타임스',
  'zdnet.co.kr': '지디넷코리아',
  'newspim.com': '뉴스핌',
  'ajunews.com': '아주경제',
  'inews24.com': '아이뉴스24',
  'dailian.co.kr': '데일리안',
  'pressian.com': '프레시안',
};

/** Outlets' Latin names in copyright lines and photo credits (`ⓒ News1`), as readers know them. */
const LATIN_NAMES: Record<string, string> = { news1: '뉴스1', newsis: '뉴시스', yonhap: '연합뉴스', edaily: '이데일리' };
const readerName = (name: string): string => LATIN_NAMES[name.toLowerCase()] ?? name;

/**
 * `ⓒ KBS`, `Copyright(c) Since 1996, MBC&iMBC`, `Copyright by JTBC(…)`, `© ‘돈이 보이는 리얼타임 뉴스’ 머니투데이`:
 * the first name after the sign (and a year, or a quoted slogan).
 */
const COPYRIGHT = /(?:(?:[ⓒ©]|\(c\)|copyright)\s*)+(?:(?:since|by)\s+)?(?:\d{4}\s*,?\s*)?(?:[‘'"“][^’'"”]{1,30}[’'"”]\s*)?([^\s.,()&<>‘’'"“”]+)/i;
/** `(서울=연합뉴스)`, `[한국경제] 이수민 기자 =`, `[이데일리 김지현 기자]`, `[OSEN=이인환 기자]`: where the outlet is. */
const DATELINES = [
  /^\([가-힣]{1,10}\s*=\s*([^)]{1,15})\)/,
  /^\[([^\]]{2,15})\]\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*=/,
  /^\[([^\]\s=]{2,10})(?:\s+|\s*=\s*)[가-힣]{2,4}\s*(?:기자|특파원)\]/,
];
const EMAIL_DOMAIN = /@((?:[\w-]+\.)+[a-z]{2,})/gi;
const TIP_LINE = /'([^']{2,10}?)제보'/;

/** Words of a copyright notice, which a photo credit (`ⓒ 박지영`, the photographer) does not have. */
const NOTICE = /무단|저작권|재배포|copyright|all rights/i;

/**
 * First sign found, strongest first: a copyright notice beats any other ⓒ line (a photo credit may name the
 * photographer) beats a dateline beats an e-mail domain beats a masthead.
 */
export function findOutlet(lines: string[], paragraphs: string[]): string | null {
  const copyrights = lines.flatMap((line) => {
    const name = COPYRIGHT.exec(line)?.[1];
    return name ? [{ name: outletNamed(name, line), notice: NOTICE.test(line) }] : [];
  });
  const copyright = copyrights.find((c) => c.notice) ?? copyrights[0];
  if (copyright) return readerName(copyright.name);
  for (const dateline of DATELINES) {
    const outlet = dateline.exec(paragraphs[0] ?? '')?.[1];
    if (outlet) return readerName(outlet.trim());
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

/**
 * The first name after a copyright sign, unless it is no outlet's: a slogan may come first (`(c) 글로벌리더의
 * 지름길 종합뉴스통신사 뉴스핌`), and then the longest known outlet the line names wins. A name that starts with a
 * known one is kept whole (`한국경제TV`, `연합뉴스TV` are other outlets than `한국경제`, `연합뉴스`).
 */
function outletNamed(first: string, line: string): string {
  const known = [...KNOWN_OUTLETS];
  if (known.some((outlet) => first.startsWith(outlet))) return first;
  const named = known.filter((outlet) => line.includes(outlet)).sort((a, b) => b.length - a.length)[0];
  return named ?? first;
}

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
/** `[이데일리 김지현 기자] `, `[OSEN=이인환 기자] `: the outlet and the byline in one bracket. */
const BRACKET_BYLINE = /^\[[^\]\s=]{2,10}(?:\s+|\s*=\s*)([가-힣]{2,4}\s*(?:기자|특파원))\]\s*/;

export function splitDateline(paragraph: string): { byline: string | null; rest: string } {
  const bracketed = BRACKET_BYLINE.exec(paragraph);
  if (bracketed) return { byline: bracketed[1]!, rest: paragraph.slice(bracketed[0].length) };
  const m = DATELINE_PREFIX.exec(paragraph);
  // A bare `[단독]` tag is part of the text; a bracket followed by a byline is a dateline, and so is an outlet's own
  // name alone (`[파이낸셜뉴스]`).
  const outletTag = m && !m[1] ? /^\[([^\]]+)\]\s*/.exec(m[0]) : null;
  if (outletTag && KNOWN_OUTLETS.has(outletTag[1]!.trim())) return { byline: null, rest: paragraph.slice(outletTag[0].length) };
  if (!m || (m[0].startsWith('[') && !m[1])) return { byline: null, rest: paragraph };
  return { byline: m[1] ?? null, rest: paragraph.slice(m[0].length) };
}
