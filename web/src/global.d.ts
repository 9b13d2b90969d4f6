import type { ApiEvent, ApiSite } from '../../src/model/index.js'

declare global {
  interface Window {
    /** Settings the server may inline in a `<script>` before the app loads. */
    BORDERWATCH_CONFIG?: { tileUrl?: string | null }
    /** State exposed for browser tests once data and map are loaded. */
    __borderwatch?: {
      events: ApiEvent[]
      sites: ApiSite[]
      /** The date crossings are coloured for. */
      asOf: string
      ready: boolean
      error: string | null
    }
  }
}

export {}
