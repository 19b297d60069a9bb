import {
  createClientSecretFetcher,
  RealtimeAgent,
  type RealtimeAuth,
  RealtimeProvider,
  TalkButton,
  type TalkButtonProps,
  TranscriptView,
  type TranscriptViewProps,
  useRealtimeSession,
} from 'realtime-agent-kit'
import 'realtime-agent-kit/styles.css'

const agent = new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.', voice: 'marin' })

const auth: RealtimeAuth = { getClientSecret: createClientSecretFetcher('/session') }
const talk: TalkButtonProps = { mode: 'toggle' }
const transcript: TranscriptViewProps = {}

function Status() {
  const { status } = useRealtimeSession()
  return <p data-testid="status">{status}</p>
}

/** Provider, talk button and transcript: what the README's Vite section shows. */
export function App() {
  return (
    <RealtimeProvider agent={agent} auth={auth}>
      <TalkButton {...talk} />
      <Status />
      <TranscriptView {...transcript} />
    </RealtimeProvider>
  )
}
