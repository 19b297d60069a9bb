// The fastest path the platform has: native Uint8Array base64 (TC39 proposal, shipping in modern
// engines), then Node's Buffer, then atob/btoa over chunks (String.fromCharCode on huge arrays overflows).
// The native methods are newer than the kit's lib target, so each is detected before it is used.

function hasFromBase64<T extends object>(
  ctor: T,
): ctor is T & { fromBase64(text: string): Uint8Array<ArrayBuffer> } {
  return 'fromBase64' in ctor && typeof ctor.fromBase64 === 'function'
}

function hasToBase64(bytes: Uint8Array): bytes is Uint8Array & { toBase64(): string } {
  return 'toBase64' in bytes && typeof bytes.toBase64 === 'function'
}

const native = hasFromBase64(Uint8Array) ? Uint8Array : null
// `globalThis.Buffer` rather than `Buffer`: some bundlers inject a polyfill wherever the bare name appears.
const NodeBuffer = typeof globalThis.Buffer === 'function' ? globalThis.Buffer : null
const CHUNK = 0x8000

function toView(bytes: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes)
}

/** Encodes bytes as standard base64. */
export function encodeBase64(bytes: ArrayBuffer | ArrayBufferView): string {
  const view = toView(bytes)
  if (hasToBase64(view)) return view.toBase64()
  if (NodeBuffer) return NodeBuffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64')
  let binary = ''
  for (let i = 0; i < view.length; i += CHUNK) {
    binary += String.fromCharCode(...view.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/** Decodes standard base64 into a fresh ArrayBuffer (transferable, owned by the caller). */
export function decodeBase64(text: string): ArrayBuffer {
  if (native) return native.fromBase64(text).buffer
  if (NodeBuffer) {
    const buf = NodeBuffer.from(text, 'base64')
    // Large buffers own their memory; small ones share Node's pool and must be copied out.
    if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)
  }
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out.buffer
}
