/** Who is making a request: a signed-in user with a role, or nobody. */
import { z } from 'zod'

/** What a user may do: viewers read, analysts also ingest and correct, admins also manage and audit. */
export const Role = z.enum(['viewer', 'analyst', 'admin'])
export type Role = z.infer<typeof Role>

/** The user behind a request, as the server's auth layer resolved it. */
export interface Principal {
  userId: string
  name: string
  role: Role
}

/** Role order: each role may do everything the roles before it may. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 }
