/** A subject phrase before a quote (`치후360 창립자 저우훙이`) split into name, title and organisation. */

export interface SpeakerParts {
  name: string;
  title: string | null;
  organization: string | null;
  /** Everything in the phrase besides the name, as printed: `중국 인터넷 보안 기업 치후360 창립자`. */
  description: string;
  /** False for `관계자`, `소식통`, `업계`: a role, not a person we can name. */
  named: boolean;
}

/** Job titles and roles printed next to names in Korean news. */
export const TITLES =
  /^(?:창립자|창업자|설립자|대표|대표이사|원내대표|회장|부회장|총재|부총재|행장|은행장|총장|부총장|사무총장|사장|부사장|전무|상무|이사|이사장|원장|부원장|본부장|실장|팀장|국장|부장|차장|과장|CEO|CTO|CFO|COO|의장|위원장|국무위원장|비상대책위원장|비대위원장|위원|연구위원|연구원|수석연구원|교수|부교수|박사|장관|차관|대변인|대통령|총리|국가주석|주석|총통|국왕|의원|시장|지사|청장|구청장|소장|센터장|블로거|유튜버|작가|감독|선수|변호사|애널리스트|이코노미스트|전문가|관계자|소식통|씨|군|양|기자|특파원)$/;

/** A person's age after their name, with sex or home town at times: `(54)`, `(62·여)`, `(35·서울 마포구)`. */
export const AGE = /\(\d{1,3}(?:\s*[·,]\s*[^()]{1,12})?\)/g;

/** Before a title: former (`전 위원장`, `前 장관`). */
const FORMER = /^(?:전|前)$/;

/** `이 모 씨`, `김모씨`: someone the outlet withholds the name of. */
const ANONYMOUS = /^(.*?)\s*([가-힣])\s*모\s*(씨|군|양)$/;

/** Speakers that name a role or a crowd, never a person. */
const UNNAMED = /(?:관계자|소식통|측|당국자?|단체들?|업계|전문가들?|시민들?|주민들?|상인들?|누리꾼들?|네티즌들?)$/;

/**
 * Surnames that start most Korean personal names, to tell `최영호 회장` (name+title) from `서울시 관계자`. Two or
 * three syllables, or four after a two-syllable surname: `국민의힘 원내대표` and `한국은행 총재` are no one's name.
 */
const KOREAN_NAME =
  /^(?:[김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용][가-힣]{1,2}|(?:남궁|선우|황보|제갈|독고|사공|서문)[가-힣]{1,2})$/;

export function splitSpeakerPhrase(phrase: string): SpeakerParts {
  // An age goes (`김정호(54) 씨`), and so does the space a glued `씨` lacks (`김정호(54)씨`, `김정호씨`).
  const cleaned = phrase
    .replace(AGE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\S+)씨$/, (whole, name: string) => (KOREAN_NAME.test(name) ? `${name} 씨` : whole));
  const anonymous = ANONYMOUS.exec(cleaned);
  if (anonymous) {
    // `전세사기 피해자 이 모 씨`: a person the outlet does not name; the words before say who they are.
    const [, about, surname, honorific] = anonymous;
    return { name: `${surname} 모 ${honorific}`, title: null, organization: null, description: about!.trim(), named: false };
  }
  if (UNNAMED.test(cleaned)) {
    return { name: cleaned, title: null, organization: organizationOf(cleaned.split(' ').slice(0, -1)), description: cleaned, named: false };
  }
  const quoted = /['‘"“]([^'’"”]+)['’"”]$/.exec(cleaned);
  // `정개특위 위원장인 김영배 더불어민주당 의원`: `…인` describes the person named after it, whose phrase starts there.
  // `김종인 전 위원장`, `前 장관`: a former title is still the title; the description keeps the `전`.
  const words = cleaned.split(' ');
  const former = words.findIndex((t, i) => FORMER.test(t) && i + 1 < words.length && TITLES.test(words[i + 1]!));
  const all = former >= 0 ? words.filter((_, i) => i !== former) : words;
  const appositive = all.findLastIndex((t, i) => i < all.length - 1 && t.endsWith('인') && TITLES.test(t.slice(0, -1)));
  const tokens = appositive >= 0 && !quoted ? all.slice(appositive + 1) : all;
  let name: string;
  let title: string | null = null;
  let rest: string[];
  if (quoted) {
    // `쓰촨성의 블로거 'AI 정신병원'`: the quoted words are the name.
    name = quoted[1]!;
    rest = cleaned.slice(0, quoted.index).trim().split(' ').filter(Boolean);
  } else if (foreignNameAt(tokens) > 0) {
    // `도널드 트럼프 미국 대통령`, `시진핑 중국 국가주석`: a name, the country, the title. Before the Korean orders:
    // `도널드` and `기시다` read as Korean names.
    const country = foreignNameAt(tokens);
    title = tokens.at(-1)!;
    name = tokens.slice(0, country).join(' ');
    rest = [tokens[country]!];
  } else if (nameFirst(tokens)) {
    // `이창용 한국은행 총재`: the name first, then the organisation and the title.
    title = tokens.at(-1)!;
    name = tokens[0]!;
    rest = tokens.slice(1, -1);
  } else if (tokens.length >= 2 && TITLES.test(tokens.at(-1)!) && KOREAN_NAME.test(tokens.at(-2)!) && !BODY.test(tokens.at(-2)!)) {
    // `최영호 회장`, `김순자 씨`: Korean order puts the title after the name.
    title = tokens.at(-1)!;
    name = tokens.at(-2)!;
    rest = tokens.slice(0, -2);
  } else if (TITLES.test(tokens.at(-1)!)) {
    // `과기정통부 장관`: a role without a name is kept whole and unnamed, never cut down to `장관`.
    const role = tokens.at(-1)!;
    const organization = organizationOf(tokens.slice(0, -1));
    return { name: cleaned, title: role, organization, description: cleaned, named: false };
  } else {
    name = tokens.at(-1)!;
    rest = tokens.slice(0, -1);
  }
  if (!title && rest.length > 0 && TITLES.test(rest.at(-1)!)) title = rest.at(-1)!;
  const beforeTitle = title && rest.at(-1) === title ? rest.slice(0, -1) : rest;
  let description = [...rest, ...(title && title !== '씨' && !rest.includes(title) ? [title] : [])].join(' ');
  if (former >= 0 && title === words[former + 1] && description.endsWith(title)) {
    description = `${description.slice(0, -title.length)}${words[former]} ${title}`;
  }
  return {
    name,
    title: title === '씨' ? null : title,
    organization: organizationOf(beforeTitle),
    description,
    named: true,
  };
}

/** Endings of bodies that a surname can open (`국무부`, `조달청`, `안전처`), and no one's given name. */
const BODY = /(?:부|청|처|위|회|단|팀|실|당)$/;

/** Countries news names a foreign leader or official by: `… 미국 대통령`, `… 중국 국가주석`. */
const COUNTRY = /^(?:미국|중국|일본|러시아|영국|프랑스|독일|이탈리아|캐나다|호주|인도|대만|베트남|북한|우크라이나|이스라엘|이란|튀르키예|터키|브라질|멕시코|스페인|네덜란드|사우디아라비아|싱가포르|인도네시아|필리핀|태국|유럽연합|EU)$/;

/**
 * Where the country stands in `이름 나라 직함` or `이름 성 나라 직함` (`시진핑 중국 국가주석`, `도널드 트럼프 미국
 * 대통령`), or -1: foreign names follow no Korean surname, so the country and title are what say a name precedes.
 */
function foreignNameAt(tokens: string[]): number {
  if ((tokens.length !== 3 && tokens.length !== 4) || !TITLES.test(tokens.at(-1)!)) return -1;
  const country = tokens.length - 2;
  const name = tokens.slice(0, country);
  return COUNTRY.test(tokens[country]!) && name.every((t) => /^[\uac00-\ud7a3]{1,6}$/.test(t) && !COUNTRY.test(t)) ? country : -1;
}

/**
 * `이창용 한국은행 총재`, `최태원 SK그룹 회장`: a name, words, a title, and no name before the title (`망원시장
 * 상인회 최영호 회장` has one). Three syllables, as most Korean names have: `안지 포스테코글루 감독` is one foreign name.
 */
function nameFirst(tokens: string[]): boolean {
  if (tokens.length < 3) return false;
  const first = tokens[0]!;
  const beforeTitle = tokens.at(-2)!;
  // `이창용 한은 총재`: a two-syllable word before the title is more likely an abbreviation (`한은`) than a name.
  const nameBeforeTitle = KOREAN_NAME.test(beforeTitle) && [...beforeTitle].length === 3;
  return TITLES.test(tokens.at(-1)!) && KOREAN_NAME.test(first) && [...first].length === 3 && !nameBeforeTitle;
}

/** A word that belongs to a clause (`떡집을`, `운영하는`), not to an organisation's name. */
const CLAUSE_WORD = /(?:을|를|에서|에|는|은|이|가|로|째)$/;

/** The organisation is the last words before the title, without a genitive `의` (`BGI 화다지인의` → `BGI 화다지인`). */
function organizationOf(tokens: string[]): string | null {
  const generic = /^(?:중국|미국|한국|일본|국내|해외|세계|최대|인터넷|보안|기업|유전자|쓰촨성의|한|이|그|저)$/;
  const picked: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && picked.length < 2; i--) {
    const token = tokens[i]!.replace(/의$/, '');
    if (generic.test(tokens[i]!) || generic.test(token) || CLAUSE_WORD.test(tokens[i]!)) break;
    picked.unshift(token);
  }
  return picked.length > 0 ? picked.join(' ') : null;
}
