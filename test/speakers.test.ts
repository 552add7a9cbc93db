import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticArticles } from '../bench/synthetic.ts';
import { parseArticle } from '../src/ingest/article.ts';
import { stripParticles } from '../src/search/particles.ts';
import { latinSkeleton, nameSkeletons } from '../src/search/romanized.ts';
import { buildSpeakerDirectory, matchSpeakers, similarSpeakers, speakerLookup, speakersNamedIn, type SpeakerEntry } from '../src/search/speakers.ts';
import { splitWords } from '../src/search/tokenize.ts';
import { ALL_ARTICLES, loadArticle, newsPage } from './helpers.ts';

const bundled = ALL_ARTICLES.map(loadArticle);
const articles = [...bundled, ...[...syntheticArticles(bundled, 200)].map((f) => parseArticle(f.file, Buffer.from(f.text)))];
const directory = buildSpeakerDirectory(articles);
const lookup = speakerLookup(directory);

/** The plain definition: rank every speaker, keep the matches, order by rank then prominence. */
function reference(typed: string): SpeakerEntry[] {
  const compact = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  const raw = compact(typed);
  if (raw === '') return directory;
  const variants = [...new Set([raw, stripParticles(raw)])];
  const jamo = /^[ㄱ-ㅎ]+$/.test(raw);
  const rank = (e: SpeakerEntry): number => {
    const { name, choseong, about } = e.key;
    if (variants.includes(name)) return 0;
    if (variants.some((v) => name.startsWith(v))) return 1;
    if (jamo && choseong.startsWith(raw)) return 2;
    if (jamo && choseong.includes(raw)) return 3;
    if (variants.some((v) => v.length >= 2 && name.includes(v))) return 4;
    const title = e.speaker.title ? compact(e.speaker.title) : null;
    if (title && variants.some((v) => v.length > 1 && v[0] === name[0] && v.slice(1) === title)) return 4;
    if (variants.some((v) => v.length >= 2 && about.includes(v))) return 5;
    return Infinity;
  };
  // A Korean name as English spells it: whole, with a 초성 prefix; begun, after everything else.
  const skeleton = /^[a-z][a-z'-]*$/.test(raw) ? latinSkeleton([raw]) : null;
  const spelled = (e: SpeakerEntry): number => {
    if (!skeleton || !e.speaker.named) return Infinity;
    const skeletons = nameSkeletons(e.speaker.name);
    if (skeleton.length >= 3 && skeletons.includes(skeleton)) return 2;
    return skeletons.some((s) => s.startsWith(skeleton)) ? 6 : Infinity;
  };
  return directory
    .map((e, i) => ({ e, i, r: Math.min(rank(e), spelled(e)) }))
    .filter((x) => x.r < Infinity)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** The plain definition of "did you mean": rank every speaker by shared syllables, prominence breaking ties. */
function similarReference(typed: string, limit: number): string[] {
  const wanted = new Set(typed.normalize('NFC').toLowerCase().replace(/\s+/g, ''));
  const scored = directory
    .map((e) => ({ name: e.speaker.name, shared: [...new Set(e.key.name)].filter((c) => wanted.has(c)).length }))
    .sort((a, b) => b.shared - a.shared);
  const similar = scored.filter((s) => s.shared >= 2 || s.shared / [...s.name].length >= 0.5);
  return (similar.length > 0 ? similar : scored).slice(0, limit).map((s) => s.name);
}

describe('speaker lookup over a large directory', () => {
  it('suggests what ranking every speaker by shared syllables would, typos and strangers alike', () => {
    const typed = fc.oneof(
      fc.constantFrom(...directory.map((e) => e.speaker.name)).map((name) => name.slice(0, -1) + '홍'),
      fc.constantFrom('저우홍이', '인얘', 'zzz', '', '손오공', '김', 'AI 정신'),
    );
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 12 }), (text, limit) => {
        expect(similarSpeakers(directory, text, limit)).toEqual(similarReference(text, limit));
      }),
      { numRuns: 200 },
    );
  });

  it(`has many speakers to search (${directory.length})`, () => {
    expect(directory.length).toBeGreaterThan(300);
  });

  it('returns what ranking every speaker would, for names, their pieces, 초성 and descriptions', () => {
    const typed = fc.oneof(
      fc.constantFrom(...directory.map((e) => e.speaker.name)).chain((name) => fc.integer({ min: 1, max: name.length }).map((n) => name.slice(0, n))),
      fc.constantFrom(...directory.map((e) => e.key.choseong)).chain((c) => fc.integer({ min: 1, max: Math.max(1, c.length) }).map((n) => c.slice(0, n))),
      fc.constantFrom(...directory.map((e) => e.key.about.slice(2, 6))),
      fc.constantFrom('', '블로거', '관계자', '최 회장', '저우훙이는', 'ㅈㅇㅎㅇ', '교수', 'kim', 'Kim Jong Un', 'park ji-hyun', 'choi', 'd', 'bgi', 'ceo'),
    );
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 30 }), (text, limit) => {
        expect(matchSpeakers(lookup, text, limit)).toEqual(reference(text).slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});

describe('spotting a quoted person in a question', () => {
  const seed = speakerLookup(buildSpeakerDirectory(bundled));
  const named = (question: string) => speakersNamedIn(seed, splitWords(question)).map((e) => e.speaker.name);

  it('finds a name with a particle after it, across words, and not a role or a stranger', () => {
    expect(named('저우훙이는 뭐라고 했어?')).toEqual(['저우훙이']);
    expect(named('AI 정신병원은 작업 기간이 얼마나 줄었다고 했어?')).toEqual(['AI 정신병원']);
    expect(named('관계자는 뭐라고 했어?')).toEqual([]);
    expect(named('손흥민은 몇 골을 넣었어?')).toEqual([]);
  });

  it('finds a body and its officials by another name the synonym table gives it (`산업부` → 산업통상자원부)', () => {
    const aliases = (word: string) => (word === '산업부' ? ['산업통상자원부'] : []);
    expect(speakersNamedIn(seed, splitWords('산업부는 뭐라고 했어?')).map((e) => e.speaker.name)).toEqual([]);
    expect(speakersNamedIn(seed, splitWords('산업부는 뭐라고 했어?'), aliases).map((e) => e.speaker.name).sort()).toEqual(['산업통상자원부', '산업통상자원부 관계자']);
  });

  it('finds unnamed officials by their organisation, with or without a particle', () => {
    expect(named('통일부 입장은?')).toEqual(['통일부 당국자']);
    expect(named('서울시는 뭐라고 했어?')).toEqual(['서울시 관계자']);
    expect(named('국방부 입장은?')).toEqual([]);
    expect(named('통일부가 뭐라고 했어?')).toEqual(['통일부 당국자']);
  });

  it('finds a group quoted without an organisation by its own name (`업계는 … 지적했다`)', () => {
    expect(named('업계 반응은?')).toEqual(['업계']);
    expect(named('업계는 뭐라고 했어?')).toEqual(['업계']);
  });

  it('takes no name from the question\'s scaffolding or the statement it asks for, even when someone is called so', () => {
    const odd = parseArticle('odd.txt', newsPage('제목', [
      '했어는 "이번 조치는 늦었다"고 말했다.',
      '입장은 "다음 달에 다시 논의하자"고 말했다.',
      '업계는 환영하면서도 실제 집행 속도가 관건이라고 지적했다.',
    ]));
    const lookup = speakerLookup(buildSpeakerDirectory([odd]));
    expect(lookup.entries.map((e) => e.speaker.name)).toEqual(expect.arrayContaining(['했어', '입장']));
    expect(speakersNamedIn(lookup, splitWords('업계는 뭐라고 했어?')).map((e) => e.speaker.name)).toEqual(['업계']);
    expect(speakersNamedIn(lookup, splitWords('업계 입장은?')).map((e) => e.speaker.name)).toEqual(['업계']);
  });

  it('does not take an organisation as the object of the question, nor for its named people', () => {
    expect(named('통일부를 비판한 사람은?')).toEqual([]);
    // 박지현 of 한국반도체산업협회 is found by name; the organisation stands for its unnamed officials only.
    expect(named('한국반도체산업협회는 뭐라고 했어?')).toEqual([]);
  });
});
