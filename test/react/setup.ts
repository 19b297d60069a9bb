import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// These tests wait for no real time (they move a manual clock), so a time limit only has to catch
// a hang. Vitest's 5 s default is too tight for that: the first test of a file also compiles the
// official schemas and renders for the first time, which takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })

afterEach(() => cleanup())
