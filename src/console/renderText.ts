import { placeName, type ArticleReply, type AskReply, type QuoteReply, type ReindexReply, type Reply } from '../replies.ts';

/** A reply as plain text for the terminal: the same content the Discord embeds show. */
export function renderReplyText(reply: Reply): string {
  if ('error' in reply) return `⚠ ${reply.error}`;
  switch (reply.command) {
    case 'ask':
      return renderAsk(reply);
    case 'article':
      return renderArticles(reply);
    case 'quote':
      return renderQuotes(reply);
    case 'reindex':
      return renderReindex(reply);
  }
}

function renderAsk(reply: AskReply): string {
  if (!reply.answer || !reply.citation) {
    const hint = reply.suggestions.length ? `\n이런 주제로 물어보세요: ${reply.suggestions.join(', ')}` : '';
    return `기사에서 "${reply.query}"에 대한 내용을 찾지 못했습니다.${hint}`;
  }
  const lines = [`답: ${reply.answer}`, `   — 「${reply.citation.title}」 ${placeName(reply.citation.paragraph)}`, ''];
  // Name the article on each result only when the results come from more than one.
  const manyArticles = new Set(reply.results.map((r) => r.article)).size > 1;
  reply.results.forEach((r, i) => {
    // A headline result's text is the title itself: naming the article again would print it twice.
    const where = manyArticles && r.paragraph > 0 ? `${placeName(r.paragraph)} · ${r.title}` : placeName(r.paragraph);
    lines.push(`${reply.page * 5 + i + 1}. [${where}] ${r.text}`);
  });
  if (reply.more) lines.push('…결과가 더 있습니다 (Discord의 "결과 더 보기" 버튼).');
  return lines.join('\n');
}

function renderArticles(reply: ArticleReply): string {
  return reply.articles
    .map((a) =>
      [
        `「${a.title}」 (${a.id})`,
        `  매체: ${a.outlet ?? '—'}   섹션: ${a.section ?? '—'}`,
        `  입력: ${a.published ?? '—'}   수정: ${a.modified ?? '—'}`,
        `  기자: ${a.byline ?? '—'}${a.email ? ` <${a.email}>` : ''}`,
        `  문단: ${a.paragraphs}개${a.url ? `   원문: ${a.url}` : ''}`,
        `  발언자: ${a.speakers.length ? a.speakers.join(', ') : '—'}`,
        `  용어: ${a.glossary.length ? a.glossary.map((g) => `${g.term}(${g.gloss})`).join(', ') : '—'}`,
      ].join('\n'),
    )
    .join('\n\n');
}

function renderQuotes(reply: QuoteReply): string {
  if (!reply.speaker) {
    const hint = reply.suggestions.length ? `\n이 이름으로 찾아보세요: ${reply.suggestions.join(', ')}` : '';
    return `기사에서 '${reply.query}'(이)라는 발언자를 찾지 못했습니다.${hint}`;
  }
  const header = reply.speaker.description ? `${reply.speaker.name} (${reply.speaker.description})` : reply.speaker.name;
  const oneArticle = new Set(reply.quotes.map((q) => q.article)).size === 1;
  const lines = reply.quotes.map((q, i) => {
    const said = q.kind === 'direct' ? `“${q.text}”` : `[간접] ${q.text}`;
    return `${i + 1}. ${said}  — ${q.paragraph}문단${oneArticle ? '' : ` · ${q.title}`}`;
  });
  if (oneArticle) lines.push(`   「${reply.quotes[0]!.title}」`);
  return [header, ...lines].join('\n');
}

function renderReindex(reply: ReindexReply): string {
  const list = (label: string, files: string[]) => (files.length ? [`  ${label}: ${files.join(', ')}`] : []);
  return [
    reply.ok ? `색인 완료: 기사 ${reply.articles}개, 문단 ${reply.paragraphs}개, 발언 ${reply.quotes}개` : '색인 실패: 이전 색인을 그대로 씁니다.',
    ...list('추가', reply.added),
    ...list('변경', reply.changed),
    ...list('삭제', reply.removed),
    ...list('그대로', reply.unchanged),
    ...reply.errors.map((e) => `  ✗ ${e.file}: ${e.message}`),
    ...(reply.saved ? [`  저장: ${reply.saved}`] : []),
    ...(reply.notice ? [`  ※ ${reply.notice}`] : []),
  ].join('\n');
}
