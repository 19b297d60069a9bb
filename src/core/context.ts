/** The run context handed to instructions, tools and guardrails: the app's own value plus the session's usage. */
export interface RunContext<TContext = unknown> {
  /** The value passed as `context` to `runner.run()`. */
  context: TContext
}
