/** A WebSocket stand-in that the benchmark feeds by hand: same class for both implementations. */
export class FakeSocket extends EventTarget {
  static instances: FakeSocket[] = []
  readyState = 1
  protocol = 'realtime'
  binaryType = 'blob'
  url: string
  constructor(url = 'wss://fake/v1/realtime') {
    super()
    this.url = url
    FakeSocket.instances.push(this)
    queueMicrotask(() => this.dispatchEvent(new Event('open')))
  }
  send(): void {}
  close(): void {
    this.readyState = 3
  }
  deliver(data: string): void {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }
}
