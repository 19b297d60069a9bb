import type { RealtimeClient } from 'realtime-agent-kit/client'

/** Renders a talk button, the status and the transcript into `root`; returns the function that removes them. */
export function mountVoiceWidget(root: HTMLElement, client: RealtimeClient): () => void
export { RealtimeClient } from 'realtime-agent-kit/client'
