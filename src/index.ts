// The root entry will carry the React layer; until then it is the framework-agnostic core.
export * as core from './core'
