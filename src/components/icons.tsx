import type { SVGProps } from 'react'

// Inline icons (24×24, stroked with currentColor): no icon font, no request, themable by `color`.
// Most are one path: `d` draws it.
function Icon({ d, children = <path d={d} />, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="rak-icon"
      {...props}
    >
      {children}
    </svg>
  )
}

export const MicIcon = () => (
  <Icon>
    <rect x="9" y="2" width="6" height="12" rx="3" />
    <path d="M5 10a7 7 0 0 0 14 0M12 17v4M8 21h8" />
  </Icon>
)

export const MicOffIcon = () => (
  <Icon d="M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 4.9 2.3M19 10a7 7 0 0 1-1.1 3.8M5 10a7 7 0 0 0 11 5.7M12 17v4M8 21h8M3 3l18 18" />
)

export const PhoneIcon = () => (
  <Icon d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
)

export const EndIcon = () => (
  <Icon d="M3 14.5c5-4.7 13-4.7 18 0l-2.2 2.7-3.6-1.6v-2.5a10 10 0 0 0-6.4 0v2.5l-3.6 1.6Z" />
)

export const StopIcon = () => (
  <Icon>
    <rect x="6" y="6" width="12" height="12" rx="2" />
  </Icon>
)

export const SendIcon = () => <Icon d="M4 12 20 4l-4 16-4-7-8-1Z" />

export const ToolIcon = () => (
  <Icon d="M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8 6.2 21l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.5 2.5-2.5-2.5Z" />
)

export const RetryIcon = () => <Icon d="M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4" />

export const SpinnerIcon = () => <Icon className="rak-icon rak-icon--spin" d="M12 3a9 9 0 1 1-9 9" />

export const ArrowDownIcon = () => <Icon d="M12 5v14M6 13l6 6 6-6" />

export const SpeakerIcon = () => <Icon d="M4 9h4l5-4v14l-5-4H4ZM17 9a4 4 0 0 1 0 6M19.5 6.5a8 8 0 0 1 0 11" />
