// The AudioWorkletGlobalScope names the processors use; the DOM lib does not declare them.
export interface WorkletProcessor {
  readonly port: MessagePort
}
export type WorkletProcessorBase = new (options?: { processorOptions?: unknown }) => WorkletProcessor
export interface WorkletScope {
  AudioWorkletProcessor: WorkletProcessorBase
  registerProcessor(name: string, processor: unknown): void
  sampleRate: number
  currentTime: number
}
