import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/article.ts';
import { splitSpeakerPhrase } from '../src/ingest/speakerPhrase.ts';
import { loadFixture, newsPage, summitCallPage } from './helpers.ts';

describe('a Yonhap-style page (breadcrumb, 오전/오후 stamps, dateline, wrapped lines, story list)', () => {
  const article = loadFixture('yonhap_chip_exports.txt');

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: '반도체 수출 석 달 연속 증가…"하반기 회복세 뚜렷"',
      outlet: '연합뉴스',
      section: '경제 > 산업',
      published: '2025-03-14T09:41+09:00',
      modified: '2025-03-14T14:05+09:00',
      byline: '김민수 기자',
      email: 'kms@yna.co.kr',
    });
  });

  it('rejoins wrapped lines, strips the dateline and drops the story list', () => {
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]!.text).toBe(
      '반도체 수출이 석 달 연속 증가세를 이어갔다. 산업통상자원부는 14일 2월 반도체 수출이 작년 같은 달보다 12.4% 늘어난 98억 달러를 기록했다고 밝혔다.',
    );
    expect(article.paragraphs[0]!.sentenceEnds).toHaveLength(2);
    const body = article.paragraphs.map((p) => p.text).join('\n');
    for (const junk of ['가계대출', '저작권자', 'kms@', '공유하기', '기사 원문']) expect(body).not.toContain(junk);
  });

  it('mines HBM and AI glosses', () => {
    expect(article.glossary).toEqual(
      expect.arrayContaining([
        { term: '고대역폭메모리', gloss: 'HBM' },
        { term: '인공지능', gloss: 'AI' },
      ]),
    );
  });
});

describe('a local daily page (worded dates, byline line, copyright footer, bullet list)', () => {
  const article = loadFixture('daily_market_digital.txt');

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: '전통시장 디지털 전환 속도…"젊은 손님 돌아왔다"',
      outlet: '데일리한국',
      section: '사회',
      published: '2024-11-05T15:20+09:00',
      modified: '2024-11-05T16:05+09:00',
      byline: '이서연 기자',
      email: 'sylee@dailyhankuk.co.kr',
    });
  });

  it('keeps the six body paragraphs and nothing else', () => {
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]!.text).toContain('20~30대 손님이 눈에 띄게 늘었다.');
    const body = article.paragraphs.map((p) => p.text).join('\n');
    for (const junk of ['Copyright', '수능 한파', '코스피', '이서연 기자']) expect(body).not.toContain(junk);
  });

  it('does not take an age in parentheses for a gloss', () => {
    expect(article.glossary).toEqual([{ term: '한국유통연구원', gloss: 'KDRI' }]);
  });
});

describe('a wire page (승인/수정 on one line with the outlet, bracketed section tag, ⓒ footer)', () => {
  const article = loadFixture('newsis_summit.txt');

  it('reads the metadata and the eight paragraphs', () => {
    expect(article).toMatchObject({
      title: '[정치] 북미 정상 \'깜짝 회동\' 가능성…"대화 문 열려 있다"',
      outlet: '뉴시스',
      published: '2025-01-10T14:30+09:00',
      modified: '2025-01-10T15:02+09:00',
      byline: '박준혁 기자',
    });
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs[6]!.sentenceEnds).toHaveLength(2);
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toContain('무단 전재');
  });
});

describe('a hard-wrapped page (no blank lines, bare date line, bracket dateline, ▶ related link)', () => {
  const article = loadFixture('hankyung_ai_chips.txt');

  it('reads the metadata, taking the masthead for the outlet, not the section', () => {
    expect(article).toMatchObject({
      title: 'AI 반도체 투자 늘린다…정부, 5년간 3조원 지원',
      outlet: '한국경제',
      section: null,
      published: '2025-06-02T11:05+09:00',
      modified: null,
      byline: '이수민 기자',
      email: 'sumin@hankyung.com',
    });
  });

  it('rejoins wrapped sentences, strips the dateline, and drops the related-article link', () => {
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      '정부가 인공지능(AI) 반도체 산업에 앞으로 5년간 3조원을 지원하기로 했다. 과학기술정보통신부는 2일 이런 내용을 담은 지원 방안을 발표했다.',
      '지원 대상은 신경망처리장치(NPU)를 설계하는 팹리스 기업과 연구기관이다.',
      '과기정통부 장관은 "국산 AI 반도체가 세계 시장에서 경쟁할 수 있도록 하겠다"고 말했다.',
      '업계는 환영하면서도 실제 집행 속도가 관건이라고 지적했다.',
    ]);
  });
});

describe('a portal copy (menu and button lines, 입력/수정 glued to the time, bare e-mail line, related-news list)', () => {
  const article = loadFixture('naver_jeonse.txt');

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: '"전세사기 피해자 지원 확대"…국토부, 특별법 개정 추진',
      outlet: '연합뉴스',
      published: '2025-03-14T09:41+09:00',
      modified: '2025-03-14T13:07+09:00',
      byline: '김지훈 기자',
      email: 'jhkim@yna.co.kr',
    });
  });

  it('keeps the four body paragraphs and no portal furniture or other stories', () => {
    expect(article.paragraphs).toHaveLength(4);
    const body = article.paragraphs.map((p) => p.text).join('\n');
    for (const junk of ['좋아요', '댓글', '본문 요약봇', '구독', '전세대출 금리', '김지훈 기자 =']) expect(body, junk).not.toContain(junk);
  });
});

describe('a masthead-only page (bar-separated section, 입력/업데이트 stamps, no copyright line)', () => {
  const article = loadFixture('chosun_snow.txt');

  it('reads the section from the bar breadcrumb, not into the headline, and the outlet from the masthead', () => {
    expect(article).toMatchObject({
      title: '폭설에 항공편 200편 결항…제주공항 마비',
      outlet: '조선일보',
      section: '사회 > 사건·사고',
      published: '2025-01-28T06:30+09:00',
      modified: '2025-01-28T08:15+09:00',
      byline: '김은경 기자',
    });
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/공유|글씨크기|설 연휴/);
  });
});

describe('a page naming its speaker name first (`이창용 한국은행 총재`)', () => {
  const article = loadFixture('hani_rates.txt');

  it('splits name, organisation and title in that order too', () => {
    expect(article.speakers).toContainEqual(
      expect.objectContaining({ name: '이창용', title: '총재', organization: '한국은행', named: true }),
    );
    expect(article.quotes).toContainEqual(expect.objectContaining({ speaker: '이창용', kind: 'direct', paragraph: 2 }));
  });
});

describe('speaker phrases in either Korean order', () => {
  const parts = (phrase: string) => {
    const { name, title, organization, named } = splitSpeakerPhrase(phrase);
    return { name, title, organization, named };
  };

  it('reads organisation-name-title, name-organisation-title, and a title without a name', () => {
    expect(parts('망원시장 상인회 최영호 회장')).toEqual({ name: '최영호', title: '회장', organization: '망원시장 상인회', named: true });
    expect(parts('이창용 한국은행 총재')).toEqual({ name: '이창용', title: '총재', organization: '한국은행', named: true });
    expect(parts('최태원 SK그룹 회장')).toEqual({ name: '최태원', title: '회장', organization: 'SK그룹', named: true });
    expect(parts('남궁민수 교수')).toMatchObject({ name: '남궁민수', title: '교수', named: true });
    // Four syllables after a one-syllable surname are an organisation, not a name.
    expect(parts('국민의힘 원내대표')).toMatchObject({ name: '국민의힘 원내대표', organization: '국민의힘', named: false });
    expect(parts('한국은행 총재')).toMatchObject({ name: '한국은행 총재', named: false });
  });

  it('reads a former title (`전 위원장`) as the title, and keeps `전` in the description', () => {
    expect(parts('김종인 전 위원장')).toEqual({ name: '김종인', title: '위원장', organization: null, named: true });
    expect(splitSpeakerPhrase('한국은행 김중수 전 총재').description).toBe('한국은행 전 총재');
    expect(parts('국민의힘 김종인 전 비상대책위원장')).toEqual({ name: '김종인', title: '비상대책위원장', organization: '국민의힘', named: true });
  });

  it('reads a foreign name before a country and a title, and a body a surname opens as no one', () => {
    expect(parts('도널드 트럼프 미국 대통령')).toEqual({ name: '도널드 트럼프', title: '대통령', organization: null, named: true });
    expect(parts('시진핑 중국 국가주석')).toMatchObject({ name: '시진핑', title: '국가주석', named: true });
    expect(parts('기시다 후미오 일본 총리')).toMatchObject({ name: '기시다 후미오', title: '총리', named: true });
    expect(parts('김정은 북한 국무위원장')).toMatchObject({ name: '김정은', title: '국무위원장', named: true });
    expect(parts('미국 국무부 대변인')).toMatchObject({ name: '미국 국무부 대변인', organization: '국무부', named: false });
    expect(parts('이창용 한국은행 총재')).toEqual({ name: '이창용', title: '총재', organization: '한국은행', named: true });
  });

  it('attributes `트럼프 대통령은` to the 도널드 트럼프 named before', () => {
    const article = parseArticle('summit_call.txt', summitCallPage());
    expect(article.quotes.map((q) => [q.speaker, q.paragraph])).toEqual([
      ['도널드 트럼프', 2],
      ['시진핑', 3],
      ['도널드 트럼프', 4],
      ['전문가들', 5],
    ]);
  });

  it('attributes a quote to a former officeholder, and still reads `회의 전` as a time', () => {
    const article = parseArticle(
      'former.txt',
      newsPage('정치권 원로 회동', [
        '김종인 전 위원장은 "개혁은 지금 시작해야 한다"고 말했다.',
        '회의 전 김정은 위원장은 "대화의 문은 열려 있다"고 밝혔다.',
      ]),
    );
    expect(article.quotes.map((q) => [q.speaker, q.paragraph])).toEqual([
      ['김종인', 1],
      ['김정은', 2],
    ]);
  });
});

describe('a portal copy (outlet and byline in one bracket, 입력…수정 run together)', () => {
  const article = loadFixture('edaily_jeonse.txt');

  it('reads the outlet and byline from `[이데일리 김지현 기자]` and strips it from the body', () => {
    expect(article).toMatchObject({
      outlet: '이데일리',
      published: '2025-03-14T09:41+09:00',
      modified: '2025-03-14T10:02+09:00',
      byline: '김지현 기자',
    });
    expect(article.paragraphs[0]!.text).toBe('전세사기 피해자로 인정된 사람이 4만명을 넘어선 것으로 나타났다.');
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/번역 beta|글자크기|SNS 보내기/);
  });
});

describe('a broadcast script (programme name above the headline, 앵커/리포트 cues, a sign-off)', () => {
  const article = loadFixture('mbc_wildfire.txt');

  it('takes the headline, not the programme, and the outlet from a `Copyright(c) Since 1996, MBC` line', () => {
    // The programme, printed just above the headline, stands for the section.
    expect(article).toMatchObject({ title: '산불 사흘째 확산…주민 600여 명 대피', outlet: 'MBC', section: 'MBC 뉴스데스크', byline: '이정민 기자' });
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/앵커|리포트|영상취재/);
  });

  it('finds the resident who spoke, not the verb describing her (`대피소에 머무는 한 주민은`)', () => {
    const resident = article.quotes.find((q) => q.text.startsWith('집이 다 탔을지'));
    expect(resident?.speaker).toBe('대피소에 머무는 한 주민');
    expect(article.speakers.find((s) => s.id === resident?.speaker)).toMatchObject({ named: false });
  });
});

describe('a wire page with labels after the times (`2025-05-08 14:20:11 송고 | … 최종수정`)', () => {
  const article = loadFixture('news1_kanana.txt');

  it('pairs each time with the label after it, and names the outlet as readers know it', () => {
    expect(article).toMatchObject({
      outlet: '뉴스1',
      published: '2025-05-08T14:20+09:00',
      modified: '2025-05-08T15:01+09:00',
      byline: '윤주영 기자',
    });
    expect(article.paragraphs[0]!.text).toMatch(/^카카오\(035720\)가/);
    expect(article.speakers).toContainEqual(expect.objectContaining({ name: '정신아', title: '대표', organization: '카카오' }));
  });
});

describe('a page with a photo caption in the body, a reporter profile and readers\' comments', () => {
  const article = loadFixture('khan_medical.txt');

  it('keeps the two body paragraphs: not the ▲ caption, not the comments after `댓글 128`', () => {
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      '윤석열 대통령은 1일 대국민 담화에서 "의료개혁은 흔들림 없이 추진하겠다"고 말했다.',
      '대한의사협회는 즉각 반발했다. 의협 관계자는 "정부가 대화 의지가 없다는 것을 보여줬다"고 밝혔다.',
    ]);
    expect(article).toMatchObject({ outlet: '경향신문', section: '정치', byline: '박순봉 기자' });
    expect(article.speakers).toContainEqual(expect.objectContaining({ name: '윤석열', title: '대통령', named: true }));
  });

  it('reads a comment count above the body as a button: an interview line with a colon stays', () => {
    const interview = parseArticle('interview.txt', newsPage('좌담회 "지역 의료 살리려면"', [
      '댓글 3',
      '지역 의료 공백을 주제로 한 좌담회가 1일 열렸고 전문가 세 명이 참석해 의견을 나눴다.',
      '사회자: 지방 병원의 의사 부족은 어느 정도로 심각한가요, 현장의 이야기를 듣고 싶습니다.',
    ]));
    expect(interview.paragraphs.map((p) => p.text)).toContainEqual(expect.stringMatching(/^사회자: 지방 병원/));
  });
});

describe('a Q&A interview (`―질문?` lines, answers that are bare quotes)', () => {
  const article = loadFixture('sedaily_interview.txt');

  it('keeps the short question lines as paragraphs and gives the bare answers to the interviewee', () => {
    expect(article.paragraphs.map((p) => p.text.slice(0, 8))).toEqual([
      '김민준 네이버클',
      '―기업용 AI ',
      '"올해가 변곡점',
      '―경쟁사와의 차',
      '"데이터센터를 ',
      '―인력 채용 계',
      '"올해 AI 엔',
    ]);
    expect(article.quotes.filter((q) => q.kind === 'direct').map((q) => [q.speaker, q.paragraph])).toEqual([
      ['김민준', 3],
      ['김민준', 5],
      ['김민준', 7],
    ]);
  });
});

describe('a sports page (`[OSEN=이인환 기자]`, a time phrase before the speaker)', () => {
  const article = loadFixture('osen_football.txt');

  it('strips the bracket dateline and reads the outlet from it', () => {
    expect(article.outlet).toBe('OSEN');
    expect(article.paragraphs[0]!.text).toMatch(/^손흥민\(33, 토트넘\)이/);
  });

  it('does not make `경기 후` part of the coach\'s name', () => {
    const coach = article.quotes.find((q) => q.text.startsWith('쏘니는'));
    expect(coach?.speaker).toBe('안지 포스테코글루 감독');
  });
});

describe('a page under a Latin masthead (`The Korea Economic Daily`, `By 김재훈 기자`)', () => {
  const article = loadFixture('hankyung_english_masthead.txt');

  it('takes the Korean headline, and the byline without `By`', () => {
    expect(article).toMatchObject({ title: '삼성전자, 1분기 영업이익 6.6조…"HBM 회복 본격화"', byline: '김재훈 기자', section: 'Economy' });
  });
});

describe('a wire photo story (caption with the photo\'s date and address, reactions block)', () => {
  const article = loadFixture('yna_photo.txt');

  it('drops the caption, so the lead is not joined to it, and finds the citizen, not `찾`', () => {
    expect(article.paragraphs.map((p) => p.text.slice(0, 10))).toEqual(['서울 여의도 윤중로', '영등포구는 오는 9', '축제를 찾은 한 시']);
    expect(article.quotes.find((q) => q.kind === 'direct')?.speaker).toBe('축제를 찾은 한 시민');
  });

  it.each(['(끝)', '<끝>', '/연합뉴스', '[뉴시스]', 'kms@yna.co.kr'])('keeps a last paragraph ending in %s, without it', (mark) => {
    const page = newsPage('시장 개방 확대', [
      '정부는 1일 수입 농산물 검역 절차를 간소화하는 방안을 내놨다.',
      `정부는 다음 달 구체적인 시행 계획을 발표할 예정이라고 밝혔다. ${mark}`,
    ]);
    expect(parseArticle('end.txt', page).paragraphs.at(-1)!.text).toBe('정부는 다음 달 구체적인 시행 계획을 발표할 예정이라고 밝혔다.');
  });

  it('keeps a paragraph opening with a △ list (`△서울 25개 구 △경기 31개 시군 …`): △ lists, ▲ captions', () => {
    const page = newsPage('규제 지역 확대', ['▲ 1일 서울 시내 아파트 단지 모습', '△서울 25개 구 △경기 31개 시군 △인천 10개 군구 등이 이번 조치의 대상이다.']);
    expect(parseArticle('list.txt', page).paragraphs.map((p) => p.text)).toEqual([
      '△서울 25개 구 △경기 31개 시군 △인천 10개 군구 등이 이번 조치의 대상이다.',
    ]);
  });

  it('keeps a paragraph that merely ends with a photo credit, without the credit', () => {
    const page = newsPage('시장 개방 확대', ['정부는 1일 수입 농산물 검역 절차를 간소화하는 내용의 시장 개방 확대 방안을 발표했다고 밝혔다. (사진=연합뉴스)']);
    expect(parseArticle('credit.txt', page).paragraphs.map((p) => p.text)).toEqual([
      '정부는 1일 수입 농산물 검역 절차를 간소화하는 내용의 시장 개방 확대 방안을 발표했다고 밝혔다.',
    ]);
  });
});

describe('a government press release (보도시점, □ and ㅇ bullets)', () => {
  const article = loadFixture('msit_press_release.txt');

  it('reads the bulleted sentences as paragraphs, and 보도시점 as publication', () => {
    expect(article).toMatchObject({ title: 'AI 반도체 산업 육성에 5년간 3조원 투입', published: '2025-06-02T11:00+09:00' });
    expect(article.paragraphs.map((p) => p.text.slice(0, 6))).toEqual(['과학기술정보', '이번 전략은', '정부는 20', '유상임 장관']);
    expect(article.speakers).toContainEqual(expect.objectContaining({ name: '유상임', title: '장관' }));
  });

  it('still drops furniture behind a bullet (`□ 무단 전재 및 재배포를 금지합니다.`)', () => {
    const page = [
      '보도자료', '보도시점 2025. 6. 2.(월) 11:00', 'AI 반도체 산업 육성 전략',
      '□ 과학기술정보통신부는 6월 2일 AI 반도체 산업 육성 전략을 발표하였다.',
      '□ 이 자료의 무단 전재 및 재배포를 금지합니다.', '',
    ].join('\n');
    expect(parseArticle('press.txt', Buffer.from(page)).paragraphs.map((p) => p.text)).toEqual([
      '과학기술정보통신부는 6월 2일 AI 반도체 산업 육성 전략을 발표하였다.',
    ]);
  });
});

describe('a scrape that left HTML entities in the text', () => {
  it('decodes them, so the quotes are found and the paragraph ends where it does', () => {
    const article = parseArticle('entities.txt', newsPage('북미 대화 재개되나', [
      '김정은 위원장은 9일 &quot;대화의 문은 언제나 열려 있다&quot;고 말했다.&nbsp;',
      '통일부 당국자는 &#34;면밀히 분석하고 있다&#x22;고 밝혔다. 그는 &lt;추가 협상&gt; 가능성도 &unknown; 언급했다.',
    ]));
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      '김정은 위원장은 9일 "대화의 문은 언제나 열려 있다"고 말했다.',
      '통일부 당국자는 "면밀히 분석하고 있다"고 밝혔다. 그는 <추가 협상> 가능성도 &unknown; 언급했다.',
    ]);
    expect(article.quotes.map((q) => q.speaker)).toEqual(['김정은', '통일부 당국자']);
  });
});

describe('a paragraph hard-wrapped into short lines', () => {
  const text = '정부는 1일 수입 농산물 검역 절차를 간소화하는 내용의 시장 개방 확대 방안을 발표했다. 관계 부처는 다음 달부터 시행할 계획이라고 밝혔다.';
  const wrap = (width: number) => text.match(new RegExp(`.{1,${width}}(?:\\s|$)`, 'g'))!.map((l) => l.trim());

  it('is one paragraph again, whatever the width', () => {
    for (const width of [20, 30, 38]) {
      // The wrapped lines are one block: no blank line between them.
      const page = newsPage('시장 개방 확대', [wrap(width).join('\n'), '업계는 이번 조치가 수입 물가를 낮출 것으로 기대했다.']);
      expect(parseArticle('wrapped.txt', page).paragraphs[0]!.text).toBe(text);
    }
  });

  it('does not take a headline over a short lead for one', () => {
    const page = ['정부 AI 반도체에 3조원 지원', '정부가 AI 반도체 산업에 3조원을 지원한다.', '', '한빛일보 | 입력 2025.04.01 (10:00)', ''].join('\n');
    const article = parseArticle('headline.txt', Buffer.from(page));
    expect(article.title).toBe('정부 AI 반도체에 3조원 지원');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['정부가 AI 반도체 산업에 3조원을 지원한다.']);
  });
});

describe('an OhmyNews page (two-digit years, a photographer\'s ⓒ, ages glued to 씨)', () => {
  const article = loadFixture('ohmynews_school.txt');

  it('reads `25.03.14 09:41최종 업데이트 25.03.14 10:02`, and the outlet from the copyright notice, not the photo credit', () => {
    expect(article).toMatchObject({
      title: '[현장] 폐교 위기 시골학교, 마을이 살렸다',
      outlet: '오마이뉴스',
      published: '2025-03-14T09:41+09:00',
      modified: '2025-03-14T10:02+09:00',
    });
  });

  it('finds `김정호(54)씨는` and `이수진(41)씨는` as speakers', () => {
    expect(article.speakers.map((s) => [s.name, s.description])).toEqual([
      ['김정호', '학교운영위원장'],
      ['이수진', '전학 온 학부모'],
    ]);
    expect(article.quotes.map((q) => q.speaker)).toEqual(['김정호', '이수진', '이수진']);
  });

  it('does not read a short number run as a date', () => {
    const page = newsPage('환율 마감', ['원·달러 환율은 1.25.03 구간에서 움직였다.', '코스피는 25.03 포인트 오른 2,650.14에 마감했다.']);
    expect(parseArticle('numbers.txt', page).published).toBe('2024-03-01T09:00+09:00');
  });
});

describe('a YTN broadcast page (`[name / description : words]` bites)', () => {
  const article = loadFixture('ytn_jeonse.txt');

  it('attributes each bite to its speaker, an anonymous `이 모 씨` unnamed', () => {
    const bites = article.quotes.filter((q) => q.kind === 'direct');
    expect(bites.map((q) => [q.speaker, q.text])).toEqual([
      ['이 모 씨', '보증금 1억 5천만 원이 전 재산이었는데, 돌려받을 수 있을지 모르겠습니다.'],
      ['박상우', '피해자들이 최소한 살던 집에서 계속 살 수 있도록 하겠습니다.'],
    ]);
    expect(article.speakers.find((s) => s.name === '박상우')).toMatchObject({ title: '장관', organization: '국토교통부', named: true });
    expect(article.speakers.find((s) => s.name === '이 모 씨')).toMatchObject({ description: '전세사기 피해자', named: false });
  });

  it('keeps the anchor\'s lead and drops the sign-off, credits and tip lines', () => {
    expect(article.paragraphs[0]!.text).toBe('전세사기 피해자로 인정된 사람이 1만 명을 넘어섰습니다.');
    const body = article.paragraphs.map((p) => p.text).join('\n');
    for (const junk of ['보도합니다', 'YTN 김민수입니다', '촬영기자', '제보', '저작권자']) expect(body).not.toContain(junk);
  });
});

describe('a ZDNet Korea page (a long headline over its deck)', () => {
  it('does not join the headline to the deck under it, which no sentence end follows', () => {
    const article = loadFixture('zdnet_kanana.txt');
    expect(article.title).toBe('카카오, AI 에이전트 \'카나나\' 기업용 출시…"업무 시간 30% 단축"');
    expect(article).toMatchObject({ published: '2025-03-14T09:41+09:00', modified: '2025-03-14T10:02+09:00', byline: '김윤희 기자' });
    expect(article.paragraphs[0]!.text).toBe("카카오가 기업용 인공지능(AI) 에이전트 '카나나 워크'를 14일 출시했다.");
  });
});

describe('a Donga page (a menu above the headline, two people making one statement)', () => {
  const article = loadFixture('donga_pension.txt');

  it('does not take the last item of the menu above the headline for its section', () => {
    expect(article).toMatchObject({ outlet: '동아일보', section: null, published: '2025-03-14T09:41+09:00', modified: '2025-03-14T10:02+09:00' });
  });

  it('attributes `A 원내대표와 B 원내대표는 … 밝혔다` to both, and `권 원내대표는` to 권성동', () => {
    expect(article.speakers.map((s) => [s.name, s.title, s.organization])).toEqual([
      ['박찬대', '원내대표', '더불어민주당'],
      ['권성동', '원내대표', '국민의힘'],
    ]);
    expect(article.quotes.filter((q) => q.paragraph === 2).map((q) => q.speaker)).toEqual(['박찬대', '권성동']);
    expect(article.quotes.find((q) => q.paragraph === 3)).toMatchObject({ speaker: '권성동', kind: 'direct' });
  });

  it('keeps one speaker when a verb follows the `과` (`김 장관과 면담한 업체 대표는`)', () => {
    const page = newsPage('장관 면담', ['김 장관과 면담한 업체 대표는 "규제 완화가 시급하다"고 말했다.']);
    expect(parseArticle('pair.txt', page).speakers.map((s) => s.name)).toEqual(['김 장관과 면담한 업체 대표']);
  });

  it('keeps the section a masthead and one label give the headline (`헤럴드경제` / `경제` / `IT`)', () => {
    const page = ['헤럴드경제', '경제', 'IT', '애플, 내년 폴더블 아이폰 출시설', '2025.03.14 09:41', '', '애플이 내년 첫 폴더블 아이폰을 출시할 것이라는 전망이 나왔다.', '', 'ⓒ 헤럴드경제'].join('\n');
    expect(parseArticle('herald.txt', Buffer.from(page)).section).toBe('IT');
  });
});

describe('an SBS script (`<인터뷰> name/description` over what they said)', () => {
  const article = loadFixture('sbs_fireworks.txt');

  it('writes each answer as a bite naming its speaker, and attributes it', () => {
    expect(article.paragraphs[4]!.text).toBe('[박민지 / 경기 수원시 : 어제 저녁 8시에 와서 텐트 치고 잤어요. 그래도 앞자리는 벌써 다 찼더라고요.]');
    const direct = article.quotes.filter((q) => q.kind === 'direct');
    expect(direct.map((q) => [q.speaker, q.paragraph])).toEqual([
      ['박민지', 5],
      ['이정호', 7],
    ]);
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/<인터뷰>|영상취재|김지수 기자입니다/);
  });
});

describe('a Naver mobile page (portal furniture around a Yonhap story)', () => {
  const article = loadFixture('naver_mobile_rates.txt');

  it('takes the story\'s headline, not the portal\'s masthead, and the section from the portal\'s notice', () => {
    expect(article).toMatchObject({
      title: '한은, 기준금리 연 2.75%로 0.25%p 인하…"내수 부진 대응"',
      outlet: '연합뉴스',
      section: '경제',
      published: '2025-02-25T10:02+09:00',
      modified: '2025-02-25T11:37+09:00',
    });
    expect(article.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/섹션으로 분류|요약봇|바로가기/);
  });

  it('keeps prose that merely mentions those words', () => {
    const lines = ['네이버는 AI 음성 변환 기술을 새로 공개했다.', '정부는 AI 산업을 별도 섹션으로 분류해 지원한다.'];
    expect(parseArticle('prose.txt', newsPage('AI 기술', lines)).paragraphs.map((p) => p.text)).toEqual(lines);
  });

  it('reads `이창용 한은 총재` name first, and `한은 금융통화위원회는` as the committee', () => {
    expect(article.speakers.map((s) => s.name)).toEqual(['금융통화위원회', '이창용']);
    expect(article.speakers[1]).toMatchObject({ title: '총재', named: true });
  });
});

describe('a Hankook Ilbo and a CBS Nocut page (photographers\' credits closing captions)', () => {
  it('does not join a caption that ends in its credit to the paragraph after it', () => {
    const hankook = loadFixture('hankookilbo_pediatrics.txt');
    expect(hankook.paragraphs[1]!.text).toBe('강원 춘천시의 한 소아청소년과 의원. 문을 열기 한 시간 전인 오전 8시부터 아이를 안은 보호자들이 줄을 섰다.');
    expect(hankook.byline).toBe('박은성 기자');
    const nocut = loadFixture('nocut_barefoot.txt');
    expect(nocut.paragraphs.map((p) => p.text)).toContain('20일 오전 6시 부산 해운대해수욕장. 백사장을 따라 맨발로 걷는 시민들의 행렬이 이어졌다.');
    expect(nocut).toMatchObject({ outlet: '노컷뉴스', section: '전국' });
  });

  it('finds `정미숙(62·여)씨는` and `최모(35)씨는` as speakers', () => {
    expect(loadFixture('nocut_barefoot.txt').speakers.map((s) => s.name)).toContain('정미숙');
    expect(loadFixture('hankookilbo_pediatrics.txt').speakers.find((s) => s.name === '최 모 씨')).toMatchObject({ named: false });
  });
});

describe('a JTBC script and a Money Today page (copyright lines that name the outlet after `by` or a slogan)', () => {
  it('reads the outlet from `Copyright by JTBC(…)` and `© ‘돈이 보이는 리얼타임 뉴스’ 머니투데이`', () => {
    expect(loadFixture('jtbc_subway.txt').outlet).toBe('JTBC');
    expect(loadFixture('mt_battery.txt').outlet).toBe('머니투데이');
  });

  it('attributes a bite with no name (`[서울교통공사 관계자 : …]`), unnamed', () => {
    const article = loadFixture('jtbc_subway.txt');
    expect(article.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker)).toEqual(['서울교통공사 관계자', '김 모 씨']);
    expect(article.speakers[0]).toMatchObject({ organization: '서울교통공사', named: false });
  });

  it('does not take a bracketed note with a colon for a bite', () => {
    const page = newsPage('정정 보도', ['[편집자 주: 이 기사는 지난 3일 보도된 내용을 바로잡은 것입니다.]', '정부는 14일 새 대책을 발표했다고 밝혔다.']);
    expect(parseArticle('note.txt', page).speakers.map((s) => s.name)).toEqual(['정부']);
  });

  it('reads the byline `오창(충북)=김성진 기자`', () => {
    expect(loadFixture('mt_battery.txt')).toMatchObject({ byline: '김성진 기자', email: 'zk007@mt.co.kr' });
  });
});

describe('a Financial News page (`[파이낸셜뉴스]` opening the lead, the address before the name)', () => {
  const article = loadFixture('fnnews_presale.txt');

  it('strips the outlet\'s own name from the lead, and reads `hong@fnnews.com 홍예지 기자`', () => {
    expect(article.paragraphs[0]!.text).toBe('수도권 아파트 분양가가 3.3㎡당 2500만원을 처음 넘어섰다.');
    expect(article).toMatchObject({ outlet: '파이낸셜뉴스', byline: '홍예지 기자', email: 'hong@fnnews.com' });
  });

  it('keeps a bracketed tag that is not an outlet (`[단독]`) as text', () => {
    const page = newsPage('단독 보도', ['[단독] 정부가 다음 달 부동산 대책을 발표한다.']);
    expect(parseArticle('tag.txt', page).paragraphs[0]!.text).toBe('[단독] 정부가 다음 달 부동산 대책을 발표한다.');
  });
});

describe('a KBS script with no headline printed (`[인터뷰] name/description : "words"` on one line)', () => {
  const article = loadFixture('kbs_heatwave_script.txt');

  it('keeps the anchor\'s lead in the body instead of taking it for a headline', () => {
    expect(article.paragraphs[0]!.text).toBe('올여름 폭염으로 온열질환자가 지난해보다 크게 늘었습니다.');
    expect(article.paragraphs).toHaveLength(4);
  });

  it('attributes the cued bite', () => {
    expect(article.quotes.filter((q) => q.kind === 'direct').map((q) => [q.speaker, q.text])).toEqual([
      ['박정희', '낮 12시부터 오후 5시 사이에는 야외 활동을 자제해 주시기 바랍니다.'],
    ]);
    expect(article.speakers[0]).toMatchObject({ name: '박정희', named: true });
  });
});

describe('a Newspim and a Dailian page (a slogan before the outlet, a speaker described before the name)', () => {
  it('names the outlet a copyright line mentions after its slogan, and then the section', () => {
    expect(loadFixture('newspim_mortgage.txt')).toMatchObject({ outlet: '뉴스핌', section: '금융', byline: '홍길동 기자' });
    // Other outlets whose names start with a known one keep their own.
    for (const outlet of ['한국경제TV', '연합뉴스TV']) {
      const page = Buffer.from(['증시 마감', '입력 2025.03.14 09:41', '', '코스피가 사흘 만에 반등해 2,600선을 회복했다.', '', `Copyright ⓒ ${outlet}. 무단전재 및 재배포 금지`].join('\n'));
      expect(parseArticle('tv.txt', page).outlet).toBe(outlet);
    }
  });

  it('reads `정개특위 위원장인 김영배 더불어민주당 의원` as 김영배, 의원 of 더불어민주당', () => {
    const article = loadFixture('dailian_election.txt');
    expect(article.speakers[0]).toMatchObject({ name: '김영배', title: '의원', organization: '더불어민주당', named: true });
    expect(article).toMatchObject({ outlet: '데일리안', byline: '김수연 기자' });
  });
});

describe('an HTML page saved as text', () => {
  it('reads it as text: tags gone, blocks as paragraphs, the outlet cut from the `<title>`', () => {
    const article = loadFixture('html_saved_page.txt');
    expect(article).toMatchObject({ title: '정부, 청년 월세 지원 1년 연장', outlet: '한빛일보', published: '2025-05-02T10:00+09:00' });
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      '정부가 청년 월세 특별지원 사업을 1년 더 연장하기로 했다.',
      '국토교통부는 2일 만 19~34세 무주택 청년에게 월 최대 20만원을 12개월간 지원한다고 밝혔다.',
      '신청은 다음 달부터 복지로 누리집에서 받는다.',
      '국토부 관계자는 "청년 주거비 부담을 덜기 위한 조치"라고 설명했다.',
    ]);
  });

  it('keeps Korean angle brackets, in markup or not', () => {
    const prose = '통일부는 <추가 협상> 가능성을 열어 두었다고 밝혔다.';
    expect(parseArticle('plain.txt', newsPage('협상', [prose])).paragraphs[0]!.text).toBe(prose);
    const html = ['<html><body>', '<h1>협상 재개</h1>', '<p>입력 2025.05.02 10:00</p>', '<p>통일부는 &lt;추가 협상&gt; 가능성을 열어 두었다고 밝혔다.</p>', '</body></html>'].join('\n');
    expect(parseArticle('page.txt', Buffer.from(html)).paragraphs[0]!.text).toBe(prose);
  });
});

describe('a Daum copy of a Maeil Business story, and an Asia Economy page', () => {
  it('drops the translation button and the reader poll, which are no section and no paragraph', () => {
    const article = loadFixture('daum_copy_power.txt');
    expect(article).toMatchObject({ outlet: '매일경제', section: null, byline: '김민호 기자', modified: '2025-06-16T18:10+09:00' });
    expect(article.paragraphs.map((p) => p.text).at(-1)).toBe('한전 관계자는 "누적 적자 해소를 위해 요금 정상화가 필요하다"고 말했다.');
  });

  it('reads `김유리기자` as `김유리 기자`, and the outlet after the slogan in `<ⓒ경제를 보는 눈, … 아시아경제 …>`', () => {
    expect(loadFixture('asiae_coffee.txt')).toMatchObject({ byline: '김유리 기자', outlet: '아시아경제', published: '2025-08-01T06:30+09:00' });
  });
});
