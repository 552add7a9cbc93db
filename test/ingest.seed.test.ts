import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParagraphSchema, type Paragraph } from '../src/ingest/article.ts';
import { mineGlossary } from '../src/ingest/glossary.ts';
import { sentencesOf } from '../src/ingest/sentences.ts';
import { loadSeed, SEED_FILE } from './helpers.ts';

const seed = loadSeed();
const raw = readFileSync(SEED_FILE, 'utf8');

describe('the KBS seed', () => {
  it('has exactly the 18 body paragraphs, once each, in order', () => {
    expect(seed.paragraphs).toHaveLength(18);
    expect(seed.paragraphs[0]!.text).toMatch(/^인공지능\(AI\) 개발 경쟁과 관련해/);
    expect(seed.paragraphs[17]!.text).toMatch(/상업용 못지않은 영상으로 구현됐습니다\.$/);
    expect(new Set(seed.paragraphs.map((p) => p.text)).size).toBe(18);
    expect(seed.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('keeps no boilerplate line in the body', () => {
    const body = seed.paragraphs.map((p) => p.text).join('\n');
    for (const junk of ['읽어주기', '브라우저', '제보', '카카오톡 :', '좋으셨다면', '핫 클릭', '의견을 남겨', '수신료', '구독', '영상K', '입력 2024']) {
      expect(body, junk).not.toContain(junk);
    }
  });

  it('every paragraph is a verbatim line of the source', () => {
    for (const p of seed.paragraphs) expect(raw).toContain(p.text);
  });

  it('reads the metadata exactly', () => {
    expect(seed).toMatchObject({
      id: '000_747bf3bd7eb8621c',
      title: '“미국 따라잡을 줄 알았는데”…AI 소라 등장에 충격받은 중국 [현장영상]',
      outlet: 'KBS',
      section: '영상K',
      published: '2024-02-23T17:22+09:00',
      modified: '2024-02-23T17:28+09:00',
      byline: null,
      email: null,
    });
  });

  it('splits sentences without cutting inside quotes or numbers', () => {
    const sentences = (p: Paragraph) => sentencesOf(p.text, p.sentenceEnds);
    const p8 = seed.paragraphs[7]!;
    expect(sentences(p8)).toHaveLength(1);
    const p6 = seed.paragraphs[5]!;
    expect(sentences(p6)).toEqual([p6.text]); // GPT-4.0 is not a sentence end
    expect(seed.paragraphs.every((p) => sentences(p).join(' ') === p.text)).toBe(true);
  });

  it('keeps sentences as where they end in the paragraph, and refuses ends that leave it or go back', () => {
    const text = '첫 문장이다. 둘째 문장이다.';
    expect(ParagraphSchema.safeParse({ n: 1, text, sentenceEnds: [7, text.length] }).success).toBe(true);
    expect(sentencesOf(text, [7, text.length])).toEqual(['첫 문장이다.', '둘째 문장이다.']);
    expect(ParagraphSchema.safeParse({ n: 1, text, sentenceEnds: [7, text.length + 1] }).success).toBe(false);
    expect(ParagraphSchema.safeParse({ n: 1, text, sentenceEnds: [7, 7] }).success).toBe(false);
    expect(ParagraphSchema.safeParse({ n: 1, text, sentenceEnds: [] }).success).toBe(false);
  });

  it('mines the glossary from parenthetical glosses', () => {
    const pairs = seed.glossary.map((g) => `${g.term}=${g.gloss}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        '인공범용지능=AGI',
        '그래픽처리장치=GPU',
        '소라=Sora',
        '마이크로소프트=MS',
        '웨이보=중국판 트위터',
        '거대언어모델=LLM',
      ]),
    );
    expect(pairs.some((p) => p.includes('현지시간'))).toBe(false);
    expect(pairs.some((p) => p.includes('주인공'))).toBe(false);
  });
});

describe('glossary mining at the edges', () => {
  const pairs = (text: string) => mineGlossary([text]).map((g) => `${g.term}=${g.gloss}`);

  it('takes the word glued to the parenthesis, past a closing quote, from its first letter or digit', () => {
    expect(pairs("오픈AI의 '소라'(Sora)와 “틱톡”(TikTok)")).toEqual(['소라=Sora', '틱톡=TikTok']);
    expect(pairs('-HBM(고대역폭메모리) ·가나(다라)')).toEqual(['HBM=고대역폭메모리', '가나=다라']);
    expect(pairs('𝐀𝐁(astral) 오픈AI(OpenAI)·구글(Google)')).toEqual(['𝐀𝐁=astral', '오픈AI=OpenAI', '구글=Google']);
  });

  it('needs a word right before it and a short gloss without parentheses', () => {
    expect(pairs('"(Sora) 소라 (Sora) AB(C)(D) xy(a(b)c)')).toEqual(['AB=C']);
    expect(pairs(`가나(${'가'.repeat(25)}) 다라(${'가'.repeat(26)})`)).toEqual([`가나=${'가'.repeat(25)}`]);
    expect(pairs('사진(사진) 2024(년) 서울(연합뉴스=홍길동 기자) AB2(x) 가(나)')).toEqual([]);
  });
});
