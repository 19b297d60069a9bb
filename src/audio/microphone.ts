import { RealtimeError } from '../core'

/** Microphone processing the browser applies before the kit sees the audio; each on by default. */
export interface MicrophoneOptions {
  deviceId?: string | undefined
  echoCancellation?: boolean
  noiseSuppression?: boolean
  autoGainControl?: boolean
}

/** Opens the microphone; failures become typed errors that say what to do. */
export async function openMicrophone(
  mediaDevices: MediaDevices | undefined,
  options: MicrophoneOptions = {},
): Promise<MediaStream> {
  if (!mediaDevices?.getUserMedia) {
    throw new RealtimeError(
      'microphone_unavailable',
      'This page cannot use a microphone: it needs a secure context (https or localhost) and a browser with getUserMedia.',
    )
  }
  const audio: MediaTrackConstraints = {
    echoCancellation: options.echoCancellation ?? true,
    noiseSuppression: options.noiseSuppression ?? true,
    autoGainControl: options.autoGainControl ?? true,
    channelCount: { ideal: 1 },
  }
  if (options.deviceId) audio.deviceId = { exact: options.deviceId }
  try {
    return await mediaDevices.getUserMedia({ audio })
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new RealtimeError(
        'microphone_denied',
        'Microphone access was denied. Allow the microphone for this site in the browser, then try again; text still works.',
        { cause },
      )
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      throw new RealtimeError(
        'microphone_unavailable',
        options.deviceId
          ? 'The selected microphone is not available: pick another input device.'
          : 'No microphone was found: connect one, then try again; text still works.',
        { cause },
      )
    }
    if (name === 'NotReadableError' || name === 'AbortError') {
      throw new RealtimeError(
        'microphone_unavailable',
        'The microphone is busy or failed to start (another app may be using it): close it and try again.',
        { cause },
      )
    }
    throw new RealtimeError(
      'microphone_unavailable',
      `Could not open the microphone: ${(cause as Error)?.message ?? cause}`,
      { cause },
    )
  }
}
