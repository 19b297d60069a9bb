export type { ClientSecretHandlerOptions, ClientSecretResponse } from './clientSecretHandler'
export { createClientSecretHandler, OPENAI_API_BASE } from './clientSecretHandler'
export { toNodeHandler } from './nodeAdapter'
export { sessionConfigForAgent } from './sessionConfig'
