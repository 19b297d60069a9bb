'use client'
import {
  type FormEvent,
  type FormHTMLAttributes,
  forwardRef,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
  useState,
} from 'react'
import { useRealtimeSession } from '../react'
import { SendIcon } from './icons'
import { composeHandlers, cx } from './props'

/**
 * A text box that sends on Enter (Shift+Enter for a new line); works controlled (`value`,
 * `onValueChange`) or uncontrolled.
 * @example
 * const { getFormProps, getInputProps, getSubmitProps } = useMessageInput()
 */
export function useMessageInput({
  value,
  onValueChange,
}: {
  value?: string
  onValueChange?: (value: string) => void
} = {}) {
  const { status, sendMessage } = useRealtimeSession()
  const [own, setOwn] = useState('')
  const text = value ?? own
  const setText = (next: string) => {
    if (value === undefined) setOwn(next)
    onValueChange?.(next)
  }
  const connected = status !== 'idle' && status !== 'connecting' && status !== 'error'
  const canSend = connected && text.trim().length > 0
  const send = () => {
    if (!canSend) return
    sendMessage(text.trim())
    setText('')
  }
  return {
    text,
    canSend,
    send,
    getFormProps: (props: FormHTMLAttributes<HTMLFormElement> = {}): FormHTMLAttributes<HTMLFormElement> => ({
      'aria-label': 'Send a message',
      ...props,
      onSubmit: composeHandlers(props.onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        send()
      }),
    }),
    getInputProps: (): TextareaHTMLAttributes<HTMLTextAreaElement> => ({
      value: text,
      'aria-label': 'Message',
      placeholder: connected ? 'Type a message' : 'Connect to send messages',
      // Read-only rather than disabled: focus stays here when the connection drops.
      readOnly: !connected,
      'aria-disabled': !connected || undefined,
      rows: 1,
      onChange: (event: { target: { value: string } }) => setText(event.target.value),
      onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault()
          send()
        }
      },
    }),
    getSubmitProps: () => ({ type: 'submit' as const, 'aria-disabled': !canSend || undefined }),
  }
}

/** Props of `MessageInput`: a form's attributes, and the text when controlled. */
export interface MessageInputProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onChange'> {
  value?: string
  onValueChange?: (value: string) => void
}

/** Type and send a message to the agent. */
export const MessageInput = forwardRef<HTMLFormElement, MessageInputProps>(function MessageInput(
  { className, value, onValueChange, ...props },
  ref,
) {
  const { getFormProps, getInputProps, getSubmitProps } = useMessageInput({
    ...(value !== undefined ? { value } : {}),
    ...(onValueChange ? { onValueChange } : {}),
  })
  return (
    <form ref={ref} {...getFormProps({ ...props, className: cx('rak-message-input', className) })}>
      <textarea className="rak-message-input__field" {...getInputProps()} />
      <button className="rak-button rak-button--primary rak-message-input__send" {...getSubmitProps()}>
        <SendIcon />
        <span className="rak-button__label">Send</span>
      </button>
    </form>
  )
})
