import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ConnectionStatus, RealtimeAgent, ToolCallList, tool } from '../../src'
import { callTool, say } from '../../src/testing'
import { connected, expectAccessible, lastAnswer, loadJsonSchemaValidator, simulator } from './helpers'

const sim = simulator()
beforeAll(loadJsonSchemaValidator)

describe('ToolCallList and approval', () => {
  it('lists a call awaiting approval; Approve runs it and the answer follows', async () => {
    const user = userEvent.setup({ delay: null })
    const execute = vi.fn(({ to }: { to: string }) => `sent to ${to}`)
    const sendEmail = tool({
      name: 'send_email',
      description: 'e',
      parameters: z.object({ to: z.string() }),
      needsApproval: true,
      execute,
    })
    const { client, server, wrapper } = await connected(
      sim,
      new RealtimeAgent({ name: 'Mailer', tools: [sendEmail] }),
      {
        scenario: { turns: [{ replies: [callTool('send_email', { to: 'ada@example.com' }), say('Sent.')] }] },
      },
    )
    const { container } = render(
      <>
        <ToolCallList />
        <ConnectionStatus />
      </>,
      { wrapper },
    )
    act(() => client.sendMessage('email Ada'))
    await server.runAll()
    const approve = screen.getByRole('button', { name: 'Approve send_email' })
    expect(screen.getByText('Needs approval')).toBeInTheDocument()
    // The status says who is waiting: the user, not the model.
    const statusLine = container.querySelector('.rak-connection-status__line')
    expect(statusLine).toHaveTextContent('Waiting for your approval')
    // Arguments as a label and a value, not a JSON blob.
    expect(screen.getByText('to')).toBeInTheDocument()
    expect(screen.getByText('ada@example.com')).toBeInTheDocument()
    // The pending approval is announced through a polite live region.
    const announcer = container.querySelector('[aria-live="polite"]')
    expect(announcer).toHaveTextContent('Approval needed: send_email (to ada@example.com).')
    expect(execute).not.toHaveBeenCalled() // nothing runs before the user approves
    await expectAccessible(container)
    approve.focus()
    await user.keyboard('{Enter}')
    // The buttons are gone; focus moved to the decided card, not to <body>.
    expect(document.activeElement).not.toBe(document.body)
    expect(document.activeElement).toHaveClass('rak-tool-calls__item')
    expect(document.activeElement).not.toHaveAttribute('data-state', 'awaiting_approval')
    expect(announcer).toHaveTextContent('')
    await server.runAll()
    expect(statusLine).not.toHaveTextContent('Waiting for your approval')
    expect(screen.getByText('sent to ada@example.com')).toBeInTheDocument()
    expect(screen.getByText('Done')).toBeInTheDocument()
    expect(lastAnswer(client)).toBe('Sent.')
  })

  it('Decline tells the model and marks the call declined', async () => {
    const user = userEvent.setup({ delay: null })
    const execute = vi.fn()
    const wipe = tool({ name: 'wipe', description: 'w', needsApproval: true, execute })
    const { client, server, wrapper } = await connected(
      sim,
      new RealtimeAgent({ name: 'W', tools: [wipe] }),
      {
        scenario: { turns: [{ replies: [callTool('wipe'), say('Okay, not wiping.')] }] },
      },
    )
    render(<ToolCallList />, { wrapper })
    act(() => client.sendMessage('wipe it'))
    await server.runAll()
    await user.click(screen.getByRole('button', { name: 'Decline wipe' }))
    expect(document.activeElement).not.toBe(document.body)
    await server.runAll()
    expect(screen.getByText('Declined')).toBeInTheDocument()
    expect(execute).not.toHaveBeenCalled()
    const outputs = server
      .clientEvents()
      .flatMap((e) =>
        e.type === 'conversation.item.create' && e.item.type === 'function_call_output' ? [e.item] : [],
      )
    expect(outputs).toEqual([expect.objectContaining({ output: expect.stringContaining('declined') })])
    expect(lastAnswer(client)).toBe('Okay, not wiping.')
  })
})
