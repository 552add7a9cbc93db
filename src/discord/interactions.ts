import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageCreateOptions,
  type RepliableInteraction,
} from 'discord.js';
import { assertAllowed, findCommand, runCommand } from '../../commands/index.ts';
import { parseOptions, type Actor, type CommandContext } from '../command.ts';
import { UserError } from '../errors.ts';
import type { Library } from '../library/library.ts';
import type { Logger } from '../log.ts';
import type { Reply } from '../replies.ts';
import { findArticle } from '../search/corpus.ts';
import { decodeButton } from './customIds.ts';
import { LIMITS, truncateAtSentence } from './limits.ts';
import { isModerator } from './permissions.ts';
import { renderError, renderReply, type DiscordMessage } from './render/index.ts';
import { COLORS } from './render/message.ts';
import { safeText } from './sanitize.ts';
import { readAttachment } from './attachments.ts';

export interface InteractionDeps {
  library: Library;
  logger: Logger;
  moderatorRoleIds: readonly string[];
  maxArticleBytes: number;
}

/** Nothing in an article or a reply may ping anyone; `/ask mention:` opts one user back in. */
const NO_MENTIONS = { parse: [] as [] };

/** The one place interactions enter: every failure ends as an ephemeral message, never as a crash. */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
      else if (interaction.isChatInputCommand()) await handleChatInput(interaction, deps);
      else if (interaction.isButton()) await handleButton(interaction, deps);
    } catch (error) {
      const userFacing = error instanceof UserError;
      if (!userFacing) deps.logger.error({ err: error, interaction: interaction.id }, 'interaction failed');
      if (interaction.isRepliable()) {
        const message = userFacing ? error.message : '처리 중 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.';
        await sendPrivately(interaction, renderError(message)).catch((e: unknown) => deps.logger.warn({ err: e }, 'could not report the error'));
      }
    }
  };
}

function contextFor(interaction: Interaction, deps: InteractionDeps): CommandContext {
  const actor: Actor = {
    id: interaction.user.id,
    name: interaction.user.username,
    isModerator: isModerator(interaction, deps.moderatorRoleIds),
  };
  return { corpus: deps.library.corpus, actor, library: deps.library };
}

async function handleChatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const command = findCommand(interaction.commandName);
  if (!command) throw new UserError(`알 수 없는 명령입니다: /${interaction.commandName}`);
  const ctx = contextFor(interaction, deps);
  // Refusals and bad options are answered at once and privately, before any public "thinking…" appears.
  assertAllowed(command, ctx);
  const raw: Record<string, unknown> = {};
  for (const option of interaction.options.data) {
    if (option.type !== ApplicationCommandOptionType.Attachment) raw[option.name] = option.value;
  }
  let options = parseOptions(command.options, raw);

  const ephemeral = interaction.options.getBoolean('hide') === true || command.moderatorOnly === true;
  // Deferring first buys 15 minutes: search is fast, but a download or a reindex is not.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  let reply: Reply;
  try {
    const attachment = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Attachment)?.attachment;
    if (attachment) options = parseOptions(command.options, { ...raw, file: await readAttachment(attachment, deps.maxArticleBytes) });
    reply = await command.run(ctx, options);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    reply = { command: command.definition.name, error: error.message };
  }
  const article = interaction.options.getString('article');
  const message = renderReply(reply, { ephemeral, articleFilter: article });
  if (message.ephemeral && !ephemeral) {
    // An error after a public defer: withdraw the placeholder and tell only the asker.
    await interaction.deleteReply();
    await interaction.followUp({ ...toPayload(message, null), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply(toPayload(message, interaction.options.getUser('mention')?.id ?? null));
}

async function handleAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const command = findCommand(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices = command?.autocomplete?.(contextFor(interaction, deps), focused.name, String(focused.value)) ?? [];
  await interaction.respond(
    choices.slice(0, LIMITS.choices).map((c) => ({ name: truncateAtSentence(c.name, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceName) })),
  );
}

async function handleButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (!action) throw new UserError('이 버튼은 더 이상 쓸 수 없습니다. 명령을 다시 실행해 주세요.');
  const ctx = contextFor(interaction, deps);
  if (action.kind === 'more') {
    const reply = await runCommand('ask', { question: action.question, article: action.article ?? undefined, page: action.page }, ctx);
    await sendPrivately(interaction, renderReply(reply, { ephemeral: true, articleFilter: action.article }));
    return;
  }
  const article = findArticle(ctx.corpus, action.article);
  const paragraph = article?.paragraphs[action.paragraph - 1];
  if (!article || !paragraph) throw new UserError('이 문단은 더 이상 색인에 없습니다. 기사가 다시 색인되었을 수 있습니다.');
  await sendPrivately(interaction, {
    embeds: [
      {
        color: COLORS.answer,
        title: safeText(truncateAtSentence(article.title, 200)),
        url: article.url ?? undefined,
        description: safeText(truncateAtSentence(paragraph.text, LIMITS.embedDescription - 50)),
        footer: { text: `${paragraph.n}문단 / 전체 ${article.paragraphs.length}문단` },
      },
    ],
    components: [],
    ephemeral: true,
  });
}

/** Replies, or follows up when a reply or defer was already sent: an interaction can only be replied to once. */
async function sendPrivately(interaction: RepliableInteraction, message: DiscordMessage): Promise<void> {
  const payload = { ...toPayload(message, null), flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

function toPayload(message: DiscordMessage, mentionUserId: string | null) {
  const content = [mentionUserId ? `<@${mentionUserId}>` : null, message.content].filter(Boolean).join(' ');
  return {
    content: content ? truncateAtSentence(content, LIMITS.content) : undefined,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: mentionUserId ? { parse: [], users: [mentionUserId] } : NO_MENTIONS,
  } satisfies MessageCreateOptions;
}
