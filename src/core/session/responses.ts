/**
 * The response turn: which response is active, whether a `response.create` is on its way, and
 * whether another answer is wanted once the current one (and its tools) finish. The API rejects a
 * `response.create` while a response is active, so asks are queued here, never sent twice.
 */
export class ResponseTurns {
  /** The server's active response, from `response.created` to `response.done`. */
  active: string | null = null
  /** Items the active response produced, settled when it ends. */
  items: string[] = []
  #createSent = false
  #wanted = false

  /** Something is under way: a response, or an ask the server has not answered yet. */
  get busy(): boolean {
    return this.active !== null || this.#createSent
  }

  /**
   * Asks for a response unless one is under way or tools still run (then the ask waits).
   * Returns true when `send` should go out now.
   */
  request(toolsInFlight: number): boolean {
    if (this.busy || toolsInFlight > 0) {
      this.#wanted = true
      return false
    }
    this.#wanted = false
    return true
  }

  /** The `response.create` went out. */
  sent(): void {
    this.#createSent = true
  }

  started(responseId: string): void {
    this.active = responseId
    this.#createSent = false
    this.items = []
  }

  /** The response ended; returns its items and whether a queued ask should go out now. */
  ended(toolsInFlight: number): { items: string[]; askAgain: boolean } {
    const items = this.items
    this.active = null
    this.items = []
    const askAgain = this.#wanted && toolsInFlight === 0
    if (askAgain) this.#wanted = false
    return { items, askAgain }
  }

  /** The connection dropped: whatever was under way is lost and will be asked for again. */
  lost(): string[] {
    if (this.busy) this.#wanted = true
    const items = this.items
    this.active = null
    this.#createSent = false
    this.items = []
    return items
  }

  /** After resuming: true when an ask is pending. */
  takeWanted(): boolean {
    const wanted = this.#wanted
    this.#wanted = false
    return wanted
  }
}
