// The fastest path the platform has: native Uint8Array base64 (TC39 proposal, shipping in modern
// engines), then Node's Buffer, then atob/btoa over chunks (String.fromCharCode on huge arrays overflows).
type Base64Native = {
  fromBase64?: (text: string) => Uint8Array
  prototype: { toBase64?: (this: Uint8Array) => string }
}
type NodeBuffer = {
  from(
    data: ArrayBufferLike | string,
    offsetOrEncoding?: number | string,
    length?: number,
  ): Uint8Array & {
    toString(encoding: string): string
  }
}

const native = Uint8Array as unknown as Base64Native
const NodeBufferCtor = (globalThis as { Buffer?: NodeBuffer }).Buffer
const CHUNK = 0x8000

function toView(bytes: ArrayBuffer | ArrayBufferView): Uint8Array {
  return bytes instanceof Uint8Array
    ? bytes
    : ArrayBuffer.isView(bytes)
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes)
}

/** Encodes bytes as standard base64. */
export function encodeBase64(bytes: ArrayBuffer | ArrayBufferView): string {
  const view = toView(bytes)
  if (native.prototype.toBase64) return native.prototype.toBase64.call(view)
  if (NodeBufferCtor)
    return NodeBufferCtor.from(view.buffer as ArrayBuffer, view.byteOffset, view.byteLength).toString(
      'base64',
    )
  let binary = ''
  for (let i = 0; i < view.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, view.subarray(i, i + CHUNK) as unknown as number[])
  }
  return btoa(binary)
}

/** Decodes standard base64 into a fresh ArrayBuffer (transferable, owned by the caller). */
export function decodeBase64(text: string): ArrayBuffer {
  if (native.fromBase64) return native.fromBase64(text).buffer as ArrayBuffer
  if (NodeBufferCtor) {
    const buf = NodeBufferCtor.from(text, 'base64')
    // Large buffers own their memory; small ones share Node's pool and must be copied out.
    if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer as ArrayBuffer
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer
  }
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out.buffer
}
