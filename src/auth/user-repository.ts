/** Users of the server: a unique name, one role, and whether they are disabled; changes are audited. */
import { Role } from '../model/index.js'
import type { SqlClient } from '../store/sql-client.js'
import { recordAudit } from '../review/audit-log.js'
import { AuthError } from './auth-error.js'
import { newId } from './secrets.js'

/** One user as stored. */
export interface User {
  id: string
  name: string
  role: Role
  createdAt: string
  disabledAt: string | null
}

interface UserRow {
  id: string
  name: string
  role: string
  created_at: string | Date
  disabled_at: string | Date | null
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/

/** A timestamp from either backend (PGlite gives Dates, pg may give strings) as ISO 8601. */
export function isoTime(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    role: Role.parse(r.role),
    createdAt: isoTime(r.created_at) ?? '',
    disabledAt: isoTime(r.disabled_at),
  }
}

/** A role from user input, or an error listing the roles. */
export function parseRole(value: string): Role {
  const role = Role.safeParse(value)
  if (!role.success)
    throw new AuthError('bad-role', `unknown role "${value}"; one of ${Role.options.join(', ')}`)
  return role.data
}

/** The user by name, or null. */
export async function findUser(db: SqlClient, name: string): Promise<User | null> {
  const rows = await db.query<UserRow>('select * from users where name = $1', [name])
  return rows[0] ? toUser(rows[0]) : null
}

/** The user by name, or an error naming it. */
export async function requireUser(db: SqlClient, name: string): Promise<User> {
  const user = await findUser(db, name)
  if (!user) throw new AuthError('unknown-user', `no user named "${name}"`)
  return user
}

/** Creates a user; `actor` is who asked, for the audit log. */
export async function addUser(
  db: SqlClient,
  name: string,
  role: string,
  actor: string,
): Promise<User> {
  if (!NAME.test(name))
    throw new AuthError(
      'bad-name',
      `"${name}" is not a user name: 1–64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`,
    )
  const checked = parseRole(role)
  return db.transaction(async (tx) => {
    if (await findUser(tx, name))
      throw new AuthError('user-exists', `user "${name}" exists already`)
    const [row] = await tx.query<UserRow>(
      'insert into users (id, name, role) values ($1, $2, $3) returning *',
      [newId('u'), name, checked],
    )
    const user = toUser(row!)
    await recordAudit(tx, {
      actor,
      action: 'user.create',
      targetKind: 'user',
      targetId: user.name,
      after: { role: user.role },
    })
    return user
  })
}

/** Every user, by name. */
export async function listUsers(db: SqlClient): Promise<User[]> {
  return (await db.query<UserRow>('select * from users order by name')).map(toUser)
}

/** Gives a user another role; takes effect on their next request (sessions included). */
export async function setUserRole(
  db: SqlClient,
  name: string,
  role: string,
  actor: string,
): Promise<User> {
  const checked = parseRole(role)
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, name)
    const [row] = await tx.query<UserRow>('update users set role = $2 where id = $1 returning *', [
      before.id,
      checked,
    ])
    await recordAudit(tx, {
      actor,
      action: 'user.set-role',
      targetKind: 'user',
      targetId: name,
      before: { role: before.role },
      after: { role: checked },
    })
    return toUser(row!)
  })
}

/** Disables a user: their tokens and sessions stop working at once; rows stay for the audit log. */
export async function disableUser(db: SqlClient, name: string, actor: string): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, name)
    if (before.disabledAt) return before
    const [row] = await tx.query<UserRow>(
      'update users set disabled_at = now() where id = $1 returning *',
      [before.id],
    )
    await tx.query('delete from sessions where user_id = $1', [before.id])
    await recordAudit(tx, {
      actor,
      action: 'user.disable',
      targetKind: 'user',
      targetId: name,
      before: { disabled: false },
      after: { disabled: true },
    })
    return toUser(row!)
  })
}
