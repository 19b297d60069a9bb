// Server rendering in plain Node: no window, no document, no AudioContext.
import { renderToString } from 'react-dom/server'
import { App } from './App'

if (typeof window !== 'undefined') throw new Error('this check must run without a window')
const html = renderToString(<App />)
if (!html.includes('<button') || !html.includes('data-state')) throw new Error(`unexpected markup: ${html}`)
console.log(`react consumer: server rendered ${html.length} characters without window`)
