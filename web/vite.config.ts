import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { basemapPlugin } from './build/basemap-plugin.js'

const webRoot = fileURLToPath(new URL('.', import.meta.url))

/** Builds the web map into `dist/web/`, which the server serves at `/`. */
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  plugins: [basemapPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // Cutting the basemap into tiles takes a second or two by design: no warning about it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
})
