import { z } from 'zod';
import { LIMITS } from './limits.ts';

/**
 * Button state lives in the custom_id itself, so buttons keep working after a restart or a reindex.
 * `ask:more:<page>:<article|->:<question>` and `ask:para:<article>:<paragraph>`.
 */
export type ButtonAction =
  | { kind: 'more'; page: number; article: string | null; question: string }
  | { kind: 'para'; article: string; paragraph: number };

const MoreId = z.tuple([z.literal('ask'), z.literal('more'), z.coerce.number().int().min(1).max(20), z.string(), z.string().min(1)]);
const ParaId = z.tuple([z.literal('ask'), z.literal('para'), z.string().min(1), z.coerce.number().int().positive()]);

/** The custom_id for an action, or null when it would not fit Discord's 100 characters. */
export function encodeButton(action: ButtonAction): string | null {
  const id =
    action.kind === 'more'
      ? `ask:more:${action.page}:${action.article ?? '-'}:${action.question}`
      : `ask:para:${action.article}:${action.paragraph}`;
  return id.length <= LIMITS.customId ? id : null;
}

export function decodeButton(customId: string): ButtonAction | null {
  const [prefix, kind, a, b, ...rest] = customId.split(':');
  if (kind === 'more') {
    // The question may itself contain ':', so everything after the fourth separator is the question.
    const parsed = MoreId.safeParse([prefix, kind, a, b, rest.join(':')]);
    if (!parsed.success) return null;
    const [, , page, article, question] = parsed.data;
    return { kind: 'more', page, article: article === '-' ? null : article, question };
  }
  const parsed = ParaId.safeParse([prefix, kind, a, b]);
  if (!parsed.success || rest.length > 0) return null;
  return { kind: 'para', article: parsed.data[2], paragraph: parsed.data[3] };
}
