import { feature } from 'topojson-client'
import countriesTopology from 'world-atlas/countries-50m.json' with { type: 'json' }

/** Properties world-atlas gives each country. */
export interface CountryProperties {
  name: string
}

/** Country outlines as GeoJSON, ids being ISO 3166-1 numeric codes. */
export type CountryCollection = GeoJSON.FeatureCollection<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  CountryProperties
>

/** Converts the bundled world-atlas TopoJSON (Natural Earth 1:50m) to GeoJSON countries. */
export function loadCountries(): CountryCollection {
  const topology = countriesTopology as unknown as TopoJSON.Topology<{
    countries: TopoJSON.GeometryCollection<CountryProperties>
  }>
  return feature(topology, topology.objects.countries) as CountryCollection
}
