import { RealtimeError } from '../errors'
import type { McpCallHost, McpCalls } from '../mcpCalls'

/**
 * The session's hosted-MCP call tracker, loaded on demand: sessions without MCP servers never
 * download it. The runner loads it before connecting when an agent has a hosted server.
 */
export class LazyMcpCalls {
  readonly #host: McpCallHost
  #calls: McpCalls | null = null
  #loading: Promise<McpCalls> | null = null

  constructor(host: McpCallHost) {
    this.#host = host
  }

  /** The tracker once loaded; before that no call can be waiting for the app. */
  get loaded(): McpCalls | null {
    return this.#calls
  }

  load(): Promise<McpCalls> {
    this.#loading ??= import('../mcpCalls').then(({ McpCalls }) => {
      this.#calls = new McpCalls(this.#host)
      return this.#calls
    })
    return this.#loading
  }

  /**
   * Hands a hosted-MCP event to the tracker: at once when it is loaded, else once it is (a server
   * set up by hand, with no hosted tool on any agent); such events keep their order.
   */
  use(handle: (calls: McpCalls) => void): void {
    if (this.#calls) handle(this.#calls)
    else
      this.load().then(handle, (cause) =>
        this.#host.emit({
          type: 'error',
          error: new RealtimeError('mcp_failed', 'Could not load the hosted MCP tool support.', { cause }),
        }),
      )
  }
}
