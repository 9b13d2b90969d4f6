/** The OpenAPI 3 document served at `/openapi.json`, written by hand beside the routes it describes. */
import { EventType, Modality } from '../model/index.js'
import { z } from 'zod'
import { MAX_K, TRAFFIC } from '../corridors/route-service.js'
import { CorrectionBody } from './review-api.js'
import { NewSiteBody, SiteChangeBody } from './sites-api.js'

type Param = {
  name: string
  in: 'query' | 'path'
  description: string
  schema: object
  required?: boolean
}

const q = (name: string, description: string, schema: object = { type: 'string' }): Param => ({
  name,
  in: 'query',
  description,
  schema,
})
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
const csv = (values: readonly string[]) => ({
  type: 'string',
  description: `comma-separated; each one of ${values.join(', ')}`,
})
const page = [
  q('limit', 'page size', { type: 'integer', minimum: 1, maximum: 10000, default: 1000 }),
  q('offset', 'rows to skip', { type: 'integer', minimum: 0, default: 0 }),
]
const filters = [
  q('type', 'event types', csv(EventType.options)),
  q('types', 'alias of type', csv(EventType.options)),
  q('site', 'a site id or any spelling of a crossing'),
  q('actor', 'any alias of a pack actor or a country; includes the actors that are part of it'),
  q('modality', 'modalities', csv(Modality.options)),
  q('from', 'the interval overlaps from this day', date),
  q('to', 'the interval overlaps up to this day', date),
  q('bbox', 'minLon,minLat,maxLon,maxLat'),
  q('minSources', 'at least this many independent sources (lineages) in the cluster', {
    type: 'integer',
    minimum: 1,
  }),
]
const words = q(
  'q',
  'words of the evidence sentence, any case: every word, a "quoted phrase" in order, or between alternatives, -word left out',
)
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})
const errors = {
  '400': json(ref('Error'), 'a bad parameter'),
  '401': json(ref('Error'), 'no credential (and public read is off), or an invalid one'),
  '403': json(ref('Error'), 'the role is too low, or a CSRF check failed'),
  '404': json(ref('Error'), 'nothing by that name'),
  '500': json(ref('Error'), 'an internal error (no stack trace)'),
}
const asOf = [q('asOf', 'status on this day', date), q('on', 'alias of asOf', date)]
const obj = { type: 'object', additionalProperties: true }
const open: object[] = []
const session = json(ref('Session'))
const tooMany = json(ref('Error'), 'rate limited; the Retry-After header says when to retry')

/** The document; `paths` keys use OpenAPI's `{param}` form of Hono's `:param`. */
export const OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: 'borderwatch API',
    version: '0.1.0',
    description:
      'News reports → typed events, crossing status timelines and corridor answers. Errors are {error:{code,message}}. Requests authenticate with an API token (Authorization: Bearer bw_…) or the web session cookie; reads need a viewer, writes an analyst, /api/admin and /api/audit an admin (docs/security.md).',
  },
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  paths: {
    '/api/health': {
      get: { summary: 'Health and row counts', security: open, responses: { '200': json(obj) } },
    },
    '/api/config': {
      get: { summary: 'Settings for the web app', security: open, responses: { '200': json(obj) } },
    },
    '/api/session': {
      get: {
        summary:
          'Who is signed in, the CSRF token of the cookie session, whether reading is public',
        security: open,
        responses: { '200': session },
      },
      post: {
        summary: 'Sign in with an API token: sets the HttpOnly session cookie bw_session',
        security: open,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['token'],
                properties: { token: { type: 'string', description: 'an API token, bw_…' } },
              },
            },
          },
        },
        responses: {
          '200': session,
          '400': json(ref('Error'), 'not {"token": …}'),
          '401': json(ref('Error'), 'the token is unknown or revoked, or its user is disabled'),
          '403': json(ref('Error'), 'an Origin header naming another host'),
          '415': json(ref('Error'), 'not JSON'),
          '429': tooMany,
        },
      },
      delete: {
        summary: 'Sign out: ends the cookie session (needs its X-CSRF-Token)',
        security: open,
        responses: { '200': session, '403': json(ref('Error'), 'CSRF check failed') },
      },
    },
    '/api/events': {
      get: {
        summary: 'Events with their article, newest first',
        parameters: [...filters, words, ...page],
        responses: { '200': json(ref('EventList')), ...errors },
      },
    },
    '/api/event-points': {
      get: {
        summary: 'The same query as /api/events, each event only as a point for a map',
        parameters: [...filters, words, ...page],
        responses: { '200': json(ref('EventPointList')), ...errors },
      },
    },
    '/api/clusters': {
      get: {
        summary: 'Events merged across reports, with their sources',
        parameters: [...filters, q('event', 'only the cluster holding this event id'), ...page],
        responses: { '200': json(ref('ClusterList')), ...errors },
      },
    },
    '/api/articles': {
      get: {
        summary: 'Stored reports, newest first',
        parameters: page,
        responses: { '200': json(obj), ...errors },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One report with its text',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json(ref('Article')), ...errors },
      },
    },
    '/api/sites': {
      get: {
        summary: 'Every site with its timeline and status on a day',
        parameters: asOf,
        responses: { '200': json(ref('SiteList')), ...errors },
      },
      post: {
        summary:
          'Add a site to the registry (analyst); reports naming it are read again at once; audit-logged',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NewSiteBody') } },
        },
        responses: {
          '201': json(
            ref('SiteEditResult'),
            'the registry entry and how many reports were read again',
          ),
          '409': json(ref('Error'), 'a site with that id exists'),
          '429': tooMany,
          ...errors,
        },
      },
    },
    '/api/sites/{name}': {
      get: {
        summary: 'The sites matching a name in any spelling',
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
          ...asOf,
        ],
        responses: { '200': json(ref('SiteList')), ...errors },
      },
      patch: {
        summary:
          "Change a site by id or any spelling (analyst); a pack site's change is kept as the analyst's version",
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('SiteChangeBody') } },
        },
        responses: { '200': json(ref('SiteEditResult')), '429': tooMany, ...errors },
      },
      delete: {
        summary:
          "Remove a site an analyst added, or an analyst's change to a pack site (the pack's entry stands again)",
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json(ref('SiteEditResult')), '429': tooMany, ...errors },
      },
    },
    '/api/user-sites': {
      get: {
        summary: 'The sites analysts added or changed, with who changed each last and when',
        responses: { '200': json(obj), ...errors },
      },
    },
    '/api/route': {
      get: {
        summary: 'Open overland routes on a day (docs/corridors.md)',
        parameters: [
          { ...q('origin', 'any spelling of a place of the network'), required: true },
          { ...q('destination', 'any spelling of a place of the network'), required: true },
          q('on', 'the day', date),
          q('traffic', 'traffic', { type: 'string', enum: TRAFFIC, default: 'people' }),
          q('via', 'comma-separated controllers every crossing must be held by'),
          q('avoid', 'comma-separated controllers no crossing may be held by'),
          q('k', 'routes', { type: 'integer', minimum: 1, maximum: MAX_K, default: 3 }),
          q('from', 'start of a period for availability', date),
          q('to', 'end of a period for availability', date),
          q('assumeOpen', 'count unreported crossings as open', {
            type: 'string',
            enum: ['true', 'false', '1', '0'],
          }),
        ],
        responses: { '200': json(obj), ...errors },
      },
    },
    '/api/export': {
      get: {
        summary: 'Every event as GeoJSON, CSV (ACLED columns) or JSON Lines',
        parameters: [
          {
            ...q('format', 'format', { type: 'string', enum: ['geojson', 'csv', 'jsonl'] }),
            required: true,
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/geo+json': { schema: obj },
              'text/csv': { schema: { type: 'string' } },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          ...errors,
        },
      },
    },
    '/api/ingest': {
      post: {
        summary: 'Ingest reports: text, HTML, a URL (private addresses refused) or files',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  ref('IngestItem'),
                  { type: 'array', items: ref('IngestItem'), maxItems: 50 },
                  {
                    type: 'object',
                    required: ['items'],
                    properties: { items: { type: 'array', items: ref('IngestItem') } },
                  },
                ],
              },
            },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'array', items: { type: 'string', format: 'binary' } },
                  text: { type: 'string' },
                  url: { type: 'string' },
                  published: { type: 'string' },
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                },
              },
            },
          },
        },
        responses: {
          '200': json(ref('IngestResult'), 'per-item results; failed items listed in errors'),
          '413': json(ref('Error'), 'the body is too large'),
          '415': json(ref('Error'), 'neither JSON nor multipart'),
          '429': tooMany,
          ...errors,
        },
      },
    },
    '/api/corrections': {
      get: {
        summary: "Analysts' corrections in force (all=1: undone ones too), oldest first",
        parameters: [
          q('event', 'only those about this event id'),
          q('site', 'only those about this site id'),
          q('all', 'include undone corrections', {
            type: 'string',
            enum: ['0', '1', 'true', 'false'],
          }),
          q('limit', 'at most this many', { type: 'integer', minimum: 1, maximum: 10000 }),
        ],
        responses: { '200': json(obj), ...errors },
      },
      post: {
        summary:
          'Confirm, reject or edit an event, merge or split clusters, or set a site status by hand (docs/review.md); audit-logged',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('CorrectionBody') } },
        },
        responses: {
          '201': json(ref('CorrectionResult'), 'the correction and its target as it is now'),
          '429': tooMany,
          ...errors,
        },
      },
    },
    '/api/corrections/{id}/undo': {
      post: {
        summary: 'Undo a correction: kept on record, marked undone, no longer applied',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'correction id',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': json(ref('CorrectionResult')),
          '409': json(ref('Error'), 'already undone'),
          '429': tooMany,
          ...errors,
        },
      },
    },
    '/api/audit': {
      get: {
        summary: 'The audit log, newest first (admin): who, when, action, target, before, after',
        parameters: [
          q('target', 'only entries about this event, site, user or token'),
          q('actor', 'only entries by this user'),
          q('limit', 'at most this many', {
            type: 'integer',
            minimum: 1,
            maximum: 10000,
            default: 100,
          }),
        ],
        responses: { '200': json(obj), ...errors },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'an API token from `borderwatch tokens create` (bw_…)',
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'bw_session',
        description:
          'the web session from POST /api/session; writes also need the X-CSRF-Token header',
      },
    },
    schemas: {
      CorrectionBody: z.toJSONSchema(CorrectionBody, { target: 'openapi-3.0', io: 'input' }),
      NewSiteBody: z.toJSONSchema(NewSiteBody, { target: 'openapi-3.0', io: 'input' }),
      SiteChangeBody: z.toJSONSchema(SiteChangeBody, { target: 'openapi-3.0', io: 'input' }),
      SiteEditResult: {
        type: 'object',
        required: ['site', 'origin', 'reprocessed'],
        properties: {
          site: { ...obj, nullable: true, description: 'the registry entry; null once removed' },
          origin: {
            type: 'string',
            nullable: true,
            description: '"user" or the pack it comes from',
          },
          reprocessed: { type: 'integer', description: 'reports read again' },
        },
      },
      CorrectionResult: {
        type: 'object',
        required: ['correction'],
        properties: {
          correction: obj,
          event: { ...obj, nullable: true, description: 'for event corrections' },
          cluster: { type: 'array', items: { type: 'string' }, description: 'event ids' },
          site: obj,
        },
      },
      Session: {
        type: 'object',
        required: ['user', 'csrfToken', 'publicRead'],
        properties: {
          user: {
            type: 'object',
            nullable: true,
            properties: {
              name: { type: 'string' },
              role: { type: 'string', enum: ['viewer', 'analyst', 'admin'] },
            },
          },
          csrfToken: { type: 'string', nullable: true },
          publicRead: { type: 'boolean' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
      EventList: {
        type: 'object',
        properties: { total: { type: 'integer' }, events: { type: 'array', items: obj } },
        description: 'events as `borderwatch events --json` prints them (docs/cli.md)',
      },
      EventPointList: {
        type: 'object',
        required: ['total', 'points'],
        properties: {
          total: { type: 'integer' },
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'type', 'lon', 'lat', 'start', 'end', 'articleId'],
              properties: {
                id: { type: 'string' },
                type: { type: 'string', enum: [...EventType.options] },
                lon: { type: 'number', nullable: true },
                lat: { type: 'number', nullable: true },
                start: { type: 'string', description: "the event's time.start" },
                end: { type: 'string', description: "the event's time.end" },
                articleId: { type: 'string' },
              },
            },
          },
        },
      },
      ClusterList: {
        type: 'object',
        properties: { total: { type: 'integer' }, clusters: { type: 'array', items: obj } },
      },
      Article: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          outlet: { type: 'string', nullable: true },
          url: { type: 'string', nullable: true },
          published: { type: 'string', nullable: true },
          text: { type: 'string' },
        },
      },
      SiteList: {
        type: 'object',
        properties: {
          asOf: { type: 'string', nullable: true },
          sites: { type: 'array', items: obj },
        },
      },
      IngestItem: {
        type: 'object',
        description: 'exactly one of text, html, url',
        properties: {
          text: { type: 'string' },
          html: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          published: { type: 'string', description: 'ISO 8601, for reports that lack a date' },
          title: { type: 'string' },
          outlet: { type: 'string' },
        },
      },
      IngestResult: {
        type: 'object',
        properties: {
          stored: { type: 'integer' },
          reextracted: { type: 'integer' },
          unchanged: { type: 'integer' },
          duplicates: { type: 'integer' },
          failed: { type: 'integer' },
          items: { type: 'array', items: obj },
          errors: { type: 'array', items: obj },
        },
      },
    },
  },
} as const
