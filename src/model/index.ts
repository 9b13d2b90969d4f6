/** Shared types and schemas: the only code both the server and the web app import. */
export * from './time-span.js'
export * from './article.js'
export * from './mention.js'
export * from './event.js'
export * from './site.js'
export type * from './api.js'
export * from './pack.js'
export * from './place-annotation.js'
