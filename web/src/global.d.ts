import type { ApiEvent, ApiSite } from '../../src/model/index.js'

declare global {
  interface Window {
    /** Settings the server may inline in a `<script>` before the app loads. */
    BORDERWATCH_CONFIG?: { tileUrl?: string | null }
    /** State exposed for browser tests once data and map are loaded. */
    __borderwatch?: {
      /** The events loaded whole, in the brushed range. */
      events: ApiEvent[]
      /** Every event of the query as a point (the markers and the count), whole or not. */
      points: number
      sites: ApiSite[]
      /** The date crossings are coloured for. */
      asOf: string
      ready: boolean
      error: string | null
    }
  }
}

export {}
