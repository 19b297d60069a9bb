import type { RealtimeAgent } from './agent'
import type { Clock } from './clock'
import { DEFAULT_MODEL, type RealtimeModelSettings } from './config'
import { messageOf, RealtimeError } from './errors'
import type { OutputGuardrail } from './guardrail'
import type { PlaybackTracker } from './playback'
import { engineOf, RealtimeSession, type ReconnectOptions } from './session'
import type { SessionStores } from './stores'
import { untilConfirmed } from './timeout'
import type { RealtimeTransport, TransportAuth } from './transport/transport'
import { WebSocketTransport } from './transport/websocket'
import { checkVoice } from './voice'

/** The Realtime API's WebSocket URL, used when `run()` is given no `url`. */
export const DEFAULT_REALTIME_URL = 'wss://api.openai.com/v1/realtime'

/** The seed's runner config: model settings and run-wide guardrails. */
export interface RealtimeRunConfig<TContext = unknown> {
  modelSettings?: RealtimeModelSettings
  /** Guardrails applied to every agent's output, in addition to each agent's own. */
  outputGuardrails?: OutputGuardrail<TContext>[]
  outputGuardrailSettings?: { debounceTextLength?: number }
}

/** Credentials and connection options of one `run()`. Exactly one of `apiKey`, `clientSecret`, `getClientSecret`. */
export interface RealtimeRunOptions<TContext = unknown> {
  /** A standard API key; refused in a browser unless `dangerouslyAllowBrowser` is true. */
  apiKey?: string
  /** An ephemeral client secret (`ek_...`) minted by your server. */
  clientSecret?: string
  /** Fetches a fresh ephemeral client secret from your server: the browser path. */
  getClientSecret?: () => Promise<string>
  /** Allow a standard API key in a browser (it will be visible to anyone who opens dev tools). */
  dangerouslyAllowBrowser?: boolean
  /** WebSocket URL; the `model` query parameter is added when missing. */
  url?: string
  signal?: AbortSignal
  context?: TContext
  transport?: RealtimeTransport
  playbackTracker?: PlaybackTracker
  /** Time for every wait of the session; tests pass a manual clock. Default: the system clock. */
  clock?: Clock
  /** Where the session keeps its state (a controller that opens session after session passes its own). */
  stores?: SessionStores
  /** How long to wait for the server's `session.created`, ms. Default 15 000. */
  connectTimeoutMs?: number
  /** Recovery from a dropped connection (on by default); `false` turns it off. */
  reconnect?: ReconnectOptions | false
  /**
   * The app's server runs the tools on its own connection to this call (sideband): this session
   * shows the calls and their outputs, runs none. Default false.
   */
  remoteTools?: boolean
}

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined'
}

async function resolveAuth<TContext>(options: RealtimeRunOptions<TContext>): Promise<TransportAuth> {
  const given = [options.apiKey, options.clientSecret, options.getClientSecret].filter(
    (v) => v !== undefined,
  ).length
  if (given > 1)
    throw new RealtimeError(
      'invalid_config',
      'Pass only one of `apiKey`, `clientSecret` or `getClientSecret` to runner.run().',
    )
  if (options.getClientSecret) {
    let value: unknown
    try {
      value = await options.getClientSecret()
    } catch (cause) {
      throw new RealtimeError(
        'client_secret_failed',
        `getClientSecret() failed: ${messageOf(cause).replace(/[.\s]+$/, '')}. Check the endpoint that mints client secrets.`,
        { cause },
      )
    }
    if (typeof value !== 'string' || value === '') {
      throw new RealtimeError(
        'client_secret_failed',
        'getClientSecret() must resolve to the client secret string (`value` of the client_secrets response).',
      )
    }
    return { kind: 'clientSecret', value }
  }
  if (options.clientSecret) return { kind: 'clientSecret', value: options.clientSecret }
  if (options.apiKey) {
    if (isBrowser() && !options.apiKey.startsWith('ek_')) {
      if (!options.dangerouslyAllowBrowser)
        throw new RealtimeError(
          'browser_api_key_refused',
          'A standard API key in a browser would be visible to every visitor. Mint an ephemeral key on your server and pass `getClientSecret`, or opt in with `dangerouslyAllowBrowser: true`.',
        )
      console.warn(
        'realtime-agent-kit: a standard API key is used in the browser (dangerouslyAllowBrowser). Anyone can read it.',
      )
    }
    return { kind: 'apiKey', value: options.apiKey }
  }
  throw new RealtimeError(
    'auth_missing',
    'runner.run() needs credentials: `apiKey` (server), or `getClientSecret` / `clientSecret` (browser).',
  )
}

function withModel(url: string, model: string): string {
  const parsed = new URL(url)
  // A socket that attaches to a call (`call_id`) joins the call's session, model and all.
  if (!parsed.searchParams.has('model') && !parsed.searchParams.has('call_id'))
    parsed.searchParams.set('model', model)
  return parsed.toString()
}

/** Starts sessions for a starting agent with fixed settings: the seed's `RealtimeRunner`. */
export class RealtimeRunner<TContext = unknown> {
  readonly startingAgent: RealtimeAgent<TContext>
  readonly config: RealtimeRunConfig<TContext>

  constructor(startingAgent: RealtimeAgent<TContext>, config: RealtimeRunConfig<TContext> = {}) {
    checkVoice(config.modelSettings?.voice, 'RealtimeRunner modelSettings')
    this.startingAgent = startingAgent
    this.config = config
  }

  /**
   * Connects and returns a session once the server has confirmed it.
   * @example
   * await using session = await runner.run({ apiKey: process.env.OPENAI_API_KEY })
   * for await (const event of session) console.log(event.type)
   */
  async run(options: RealtimeRunOptions<TContext> = {}): Promise<RealtimeSession<TContext>> {
    const auth = await resolveAuth(options)
    const settings = this.config.modelSettings ?? {}
    const transport = options.transport ?? new WebSocketTransport()
    // Options left undefined take the session's defaults.
    const session = new RealtimeSession<TContext>({
      agent: this.startingAgent,
      transport,
      modelSettings: settings,
      context: options.context,
      outputGuardrails: this.config.outputGuardrails,
      outputGuardrailSettings: this.config.outputGuardrailSettings,
      playbackTracker: options.playbackTracker,
      clock: options.clock,
      stores: options.stores,
      remoteTools: options.remoteTools,
    })
    const engine = engineOf(session)
    // Loaded before connecting, so no server event waits for them.
    await engine.preload(this.startingAgent)
    const url = withModel(options.url ?? DEFAULT_REALTIME_URL, settings.modelName ?? DEFAULT_MODEL)
    const connect = (auth: TransportAuth) =>
      transport.connect({ url, auth, signal: options.signal }, engine.handlers)
    // Each reconnect attempt asks for fresh credentials: an ephemeral key may have expired meanwhile.
    if (options.reconnect !== false)
      engine.enableReconnect(async () => connect(await resolveAuth(options)), options.reconnect)
    let firstError: RealtimeError | undefined
    const offError = session.on('error', (e) => {
      firstError ??= e.error
    })
    await connect(auth)
    const aborted = new Promise<never>((_, reject) => {
      options.signal?.addEventListener(
        'abort',
        () =>
          reject(
            new RealtimeError('aborted', 'runner.run() was aborted.', { cause: options.signal?.reason }),
          ),
        { once: true },
      )
    })
    aborted.catch(() => {})
    try {
      await untilConfirmed(
        Promise.race([session.ready, aborted]),
        options.connectTimeoutMs ?? 15_000,
        engine.clock,
      )
    } catch (error) {
      session.close()
      throw error
    } finally {
      offError()
    }
    if (!engine.live) {
      const reason = firstError ? `: ${firstError.message}` : '.'
      throw new RealtimeError(
        'connection_failed',
        `The connection closed while the session was starting${reason}`,
        {
          cause: firstError,
          serverCode: firstError?.serverCode ?? null,
        },
      )
    }
    await engine.start()
    return session
  }
}
