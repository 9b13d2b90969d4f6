/** Modules the build provides (web/build/basemap-plugin.ts). */
declare module 'virtual:country-labels' {
  /** One label per country at the centre of its largest polygon (a `MapLabel`), placed at build time. */
  const labels: { text: string; lngLat: [number, number]; minZoom: number; className: string }[]
  export default labels
}
