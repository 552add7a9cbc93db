import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A loopback stand-in for Discord: enough REST (gateway discovery, interaction callbacks, webhook edits and
 * follow-ups, command registration, a file host for attachments) and gateway (HELLO, IDENTIFY → READY +
 * GUILD_CREATE, heartbeats, dispatch) for the real discord.js client to log in and answer interactions.
 */

export const APP_ID = '111111111111111111';
export const BOT_ID = APP_ID;
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
}

export interface Member {
  id: string;
  username: string;
  permissions: string;
  roles?: string[];
}

export const MEMBER: Member = { id: '444444444444444444', username: 'reader', permissions: '0' };
export const MODERATOR: Member = { id: '555555555555555555', username: 'mod', permissions: String(1 << 5) };

let sequence = 0n;
const snowflake = (): string => String(1200000000000000000n + ++sequence);

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly files = new Map<string, Uint8Array>();
  identifiedWith: string | null = null;
  #server: Server;
  #wss: WebSocketServer;
  #socket: WebSocket | null = null;
  #seq = 0;

  private constructor(server: Server, wss: WebSocketServer) {
    this.#server = server;
    this.#wss = wss;
  }

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, wss);
    server.on('request', (req, res) => void fake.#route(req, res));
    wss.on('connection', (socket) => fake.#accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** What DISCORD_API_URL should be: the API base without the version. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  async stop(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Sends INTERACTION_CREATE and returns the interaction's id and token. */
  dispatchInteraction(payload: Record<string, unknown>): { id: string; token: string } {
    const id = snowflake();
    const token = `token-${id}`;
    this.#dispatch('INTERACTION_CREATE', {
      id,
      token,
      application_id: APP_ID,
      version: 1,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
      guild: { id: GUILD_ID, locale: 'ko', features: [] },
      locale: 'ko',
      guild_locale: 'ko',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      attachment_size_limit: 8388608,
      ...payload,
    });
    return { id, token };
  }

  /** Requests the bot made about one interaction (its callback and its webhook calls), in order. */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/interactions/${interaction.id}/`) || r.path.includes(`/${interaction.token}`));
  }

  async waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out; requests so far:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  #accept(socket: WebSocket): void {
    this.#socket = socket;
    this.#seq = 0;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: { token?: string } };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identifiedWith = packet.d.token ?? null;
        this.#dispatch('READY', {
          v: 10,
          user: { id: BOT_ID, username: 'gisa-bot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [{ id: GUILD_ID, unavailable: true }],
          session_id: 'session',
          resume_gateway_url: this.origin.replace('http', 'ws'),
          shard: [0, 1],
          application: { id: APP_ID, flags: 0 },
        });
        this.#dispatch('GUILD_CREATE', guildPayload());
      }
    });
  }

  #dispatch(t: string, d: unknown): void {
    if (!this.#socket) throw new Error('no gateway connection');
    this.#socket.send(JSON.stringify({ op: 0, t, s: ++this.#seq, d }));
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text;
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, body, headers: req.headers });

    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (path.startsWith('/files/')) {
      const file = this.files.get(path.slice('/files/'.length));
      if (!file) return json(404, { message: 'Unknown file', code: 0 });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end(Buffer.from(file));
    }
    if (/^\/api\/v10\/gateway(\/bot)?$/.test(path)) {
      return json(200, {
        url: this.origin.replace('http', 'ws'),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (req.method === 'PUT' && /\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(200, (body as { name: string }[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: '1' })));
    }
    if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      return void res.end();
    }
    if (req.method === 'DELETE' && /\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      res.writeHead(204);
      return void res.end();
    }
    if (/\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path)) {
      return json(200, messagePayload(body));
    }
    return json(404, { message: `no route for ${req.method} ${path}`, code: 0 });
  }
}

function guildPayload() {
  return {
    id: GUILD_ID,
    name: 'gisa test',
    icon: null,
    owner_id: MODERATOR.id,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date(0).toISOString(),
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'ko',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    features: [],
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: GUILD_ID }],
    members: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function messagePayload(body: unknown) {
  const data = (body ?? {}) as Record<string, unknown>;
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    author: { id: BOT_ID, username: 'gisa-bot', discriminator: '0', global_name: null, avatar: null, bot: true },
    content: data['content'] ?? '',
    embeds: data['embeds'] ?? [],
    components: data['components'] ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 20,
    flags: data['flags'] ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    application_id: APP_ID,
    webhook_id: APP_ID,
  };
}

function memberPayload(member: Member) {
  return {
    user: { id: member.id, username: member.username, discriminator: '0', global_name: member.username, avatar: null },
    roles: member.roles ?? [],
    permissions: member.permissions,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
  };
}

export interface OptionValue {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

/** A slash command as Discord sends it. `resolved` carries users and attachments referenced by options. */
export function chatInput(name: string, options: OptionValue[], member: Member = MEMBER, resolved?: Record<string, unknown>) {
  return { type: 2, member: memberPayload(member), data: { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) } };
}

export function autocomplete(name: string, options: OptionValue[], member: Member = MEMBER) {
  return { type: 4, member: memberPayload(member), data: { id: snowflake(), name, type: 1, options } };
}

export function buttonClick(customId: string, member: Member = MEMBER) {
  return {
    type: 3,
    member: memberPayload(member),
    message: messagePayload({}),
    data: { custom_id: customId, component_type: 2 },
  };
}

export function userResolved(member: Member) {
  return { users: { [member.id]: memberPayload(member).user } };
}

export function attachmentResolved(id: string, filename: string, size: number, url: string) {
  return { attachments: { [id]: { id, filename, size, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' } } };
}
