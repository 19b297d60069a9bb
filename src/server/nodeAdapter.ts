import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Serves a fetch-standard handler from Node's http server, Express or Connect (Vite's dev server).
 * @example
 * app.post('/session', toNodeHandler(createClientSecretHandler({ apiKey, session })))
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      // Stop reading early: the handler refuses large bodies anyway.
      if (size > 64 * 1024) break
      chunks.push(chunk as Buffer)
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value)
    const method = req.method ?? 'GET'
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    })
    const response = await handler(request)
    res.statusCode = response.status
    response.headers.forEach((value, name) => {
      res.setHeader(name, value)
    })
    res.end(Buffer.from(await response.arrayBuffer()))
  }
}
