// A voice widget in plain JavaScript: the kit's client layer, no React.
import { RealtimeClient } from 'realtime-agent-kit/client'

/**
 * Renders a talk button, the status and the transcript into `root`, for `client`.
 * Returns a function that removes them and lets go of the client's stores.
 */
export function mountVoiceWidget(root, client) {
  root.innerHTML = `
    <button type="button" data-part="talk">Start conversation</button>
    <p role="status" data-part="status"></p>
    <form data-part="send"><label>Message <input name="text" autocomplete="off" /></label><button>Send</button></form>
    <ol aria-label="Transcript" data-part="transcript"></ol>`
  const talk = root.querySelector('[data-part="talk"]')
  const status = root.querySelector('[data-part="status"]')
  const form = root.querySelector('[data-part="send"]')
  const list = root.querySelector('[data-part="transcript"]')

  talk.addEventListener('click', () => {
    if (client.getSnapshot().status === 'idle') void client.connect().catch(() => {})
    else client.disconnect()
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const text = form.elements.text.value.trim()
    if (!text || !client.session) return
    client.sendMessage(text)
    form.reset()
  })

  // The client's snapshot: status, errors, agent (never the transcript: it has its own store).
  const renderStatus = () => {
    const { status: state, error, currentAgent } = client.getSnapshot()
    talk.textContent = state === 'idle' || state === 'error' ? 'Start conversation' : 'End conversation'
    talk.dataset.state = state
    status.textContent = error ? `${state}: ${error.message}` : `${state} (${currentAgent.name})`
  }

  // The conversation store: one row per item; text goes in as text, never as HTML.
  const rows = new Map()
  const renderTranscript = () => {
    const { items } = client.stores.conversation.getSnapshot()
    for (const item of items) {
      let row = rows.get(item.itemId)
      if (!row) {
        row = document.createElement('li')
        rows.set(item.itemId, row)
      }
      row.dataset.role = item.type === 'message' ? item.role : 'tool'
      row.textContent = item.type === 'message' ? `${item.role}: ${item.text}` : `tool ${item.name}`
      list.append(row) // re-appending keeps the conversation's order
    }
    for (const [id, row] of rows)
      if (!items.some((item) => item.itemId === id)) {
        row.remove()
        rows.delete(id)
      }
  }

  const offs = [client.subscribe(renderStatus), client.stores.conversation.subscribe(renderTranscript)]
  renderStatus()
  renderTranscript()
  return () => {
    for (const off of offs) off()
    root.replaceChildren()
  }
}

export { RealtimeClient }
