/** Who may call what: the role each API request needs, decided from its method and path alone. */
import type { Role } from '../model/index.js'

/** What a request needs: nothing (open), or at least a role. */
export type Access = { open: true } | { open: false; role: Role }

/** Methods that only read; every other method writes. */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD'
}

/** Sign-in, sign-out and the session question: open, each with its own checks. */
export const SESSION_PATH = '/api/session'

const OPEN_READS = new Set(['/api/health', '/api/config'])

/** True for /api/admin/… and /api/audit…, whatever the case or doubled slashes. */
function isAdminPath(path: string): boolean {
  const p = path.toLowerCase().replace(/\/{2,}/g, '/')
  return /^\/api\/(admin|audit)(\/|$)/.test(p)
}

/**
 * The access an /api request needs: health, config and the session endpoints are open; admin and
 * audit paths need admin for every method; other reads need viewer, other writes analyst.
 */
export function requiredAccess(method: string, path: string): Access {
  if (path === SESSION_PATH) return { open: true }
  if (isAdminPath(path)) return { open: false, role: 'admin' }
  if (isSafeMethod(method)) {
    if (OPEN_READS.has(path)) return { open: true }
    return { open: false, role: 'viewer' }
  }
  return { open: false, role: 'analyst' }
}
