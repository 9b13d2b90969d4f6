/**
 * Place recognition for events: spellings, crossings written as pairs, adjectives, town/word
 * collisions, held by the pack recogniser and by the geoparser's annotations the pipeline reads
 * events with; crossings no pack knows become sites of their own when located.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { defaultGazetteer, Gazetteer } from '../src/places/gazetteer.ts'
import { loadKnowledge } from '../src/places/load-packs.ts'
import { recognisePlaces } from '../src/places/recognise-places.ts'
import { annotatePlaces } from '../src/places/annotate-places.ts'
import { eventPlaces } from '../src/places/event-places.ts'
import { foldName, nameKeys } from '../src/text/fold-name.ts'
import type { PackCrossing, PlaceMention } from '../src/model/index.ts'

const g = defaultGazetteer()
const RECOGNISERS: [string, (text: string) => PlaceMention[]][] = [
  ['recognisePlaces', (text) => recognisePlaces(text, g)],
  ['eventPlaces', (text) => eventPlaces(text, annotatePlaces(text), g)],
]

describe('foldName', () => {
  it('makes transliterations of one name share a key', () => {
    for (const name of ['Al-Qaim', 'Al Qaim', "Al Qa'im", 'al-Qa’im', 'AL QAIM']) {
      assert.equal(foldName(name), 'alqaim')
    }
    assert.ok(nameKeys('Al-Qaim').includes('qaim'))
    assert.equal(foldName('Ālbū Kamāl'), 'albukamal')
  })

  it('writes letters Unicode does not decompose as their base letters', () => {
    assert.equal(foldName('Ceylanpınar'), foldName('Ceylanpinar'))
    assert.equal(foldName('Şanlıurfa'), 'sanliurfa')
    assert.equal(foldName('Ørsted'), 'orsted')
  })
})

for (const [recogniser, places] of RECOGNISERS)
  describe(recogniser, () => {
    it('resolves every common spelling of Albukamal and Al Qaim to the crossing sides', () => {
      for (const spelling of [
        'Albukamal',
        'Abu Kamal',
        'Al-Bukamal',
        'Boukamal',
        'Albukamel',
        'البوكمال',
      ]) {
        const [m] = places(`Fighting near ${spelling} continued.`)
        assert.equal(m?.crossingId, 'albukamal-al-qaim', spelling)
        assert.equal(m.country, 'SY', spelling)
      }
      for (const spelling of ['Al Qaim', 'al-Qaim', "Al Qa'im", 'Husaybah', 'القائم']) {
        const [m] = places(`Troops entered ${spelling} today.`)
        assert.equal(m?.crossingId, 'albukamal-al-qaim', spelling)
        assert.equal(m.country, 'IQ', spelling)
      }
    })

    it('reads "X-Y border crossing" as one crossing mention with coordinates', () => {
      const [m] = places('The Albukmal-Al Qaim border crossing is a key conduit.')
      assert.equal(m.text, 'Albukmal-Al Qaim border crossing')
      assert.equal(m.precision, 'site')
      assert.equal(m.crossingId, 'albukamal-al-qaim')
      assert.ok(Math.abs(m.lat - 34.4) < 0.1 && Math.abs(m.lon - 41) < 0.2)
    })

    it('reads "the Nassib terminal" and "Jaber crossing" as the Nasib-Jaber crossing', () => {
      const found = places(
        'Syrian television showed the Nassib terminal. The Jaber crossing was calm.',
      )
      assert.deepEqual(
        found.filter((m) => m.precision === 'site').map((m) => m.crossingId),
        ['nasib-jaber', 'nasib-jaber'],
      )
    })

    it('finds regions from the pack and cities from GeoNames', () => {
      const found = places(
        'Israel struck a team near the Golan. Militias near Damascus fired a rocket.',
      )
      assert.equal(found.find((m) => m.text === 'Golan')?.precision, 'region')
      const damascus = found.find((m) => m.text === 'Damascus')
      assert.equal(damascus?.country, 'SY')
      assert.ok(damascus && damascus.ref.startsWith('geonames:'))
    })

    it('marks adjectives and "Iran-backed" compounds as demonyms, not places', () => {
      const found = places('Iraqi officials met Iran-backed militias in Syria.')
      assert.equal(found.find((m) => m.text === 'Iraqi')?.demonym, true)
      assert.equal(found.find((m) => m.text === 'Iran')?.demonym, true)
      assert.equal(found.find((m) => m.text === 'Syria')?.demonym, undefined)
    })

    it('does not read acronyms or common words as GeoNames towns', () => {
      const found = places('Syrian state TV SANA showed Police and Security forces.')
      assert.deepEqual(
        found.filter((m) => m.ref.startsWith('geonames:')).map((m) => m.text),
        [],
      )
    })
  })

describe('eventPlaces', () => {
  const places = (text: string, gazetteer = g) => eventPlaces(text, annotatePlaces(text), gazetteer)

  it('reads "Albukamal and Al-Qaim" as the crossing the two towns face each other across', () => {
    const [m] = places('Albukamal and Al-Qaim were calm on Sunday.')
    assert.equal(m.crossingId, 'albukamal-al-qaim')
    assert.equal(m.precision, 'site')
  })

  it('links a side named alone to its crossing', () => {
    const m = places('Police in Nassib stopped a car.').find((p) => p.text === 'Nassib')
    assert.equal(m?.crossingId, 'nasib-jaber')
    assert.equal(m?.country, 'SY')
  })

  it('keeps a located crossing no pack knows as a site of its own', () => {
    const found = places('Officials closed the Beitbridge border crossing with South Africa.')
    const m = found.find((p) => p.crossingId?.startsWith('found:'))
    assert.equal(m?.crossingId, 'found:beitbridge')
    assert.equal(m?.precision, 'site')
    assert.equal(m?.country, 'ZW')
  })

  it('takes a crossing an analyst added, whatever the parser made of its name', () => {
    const knowledge = loadKnowledge()
    const wagah: PackCrossing = {
      id: 'wagah',
      name: 'Wagah',
      names: ['Wagah border crossing'],
      kind: 'road',
      countries: ['PK', 'IN'],
      sides: [{ country: 'PK', names: ['Wagah'], lat: 31.6047, lon: 74.5728 }],
      lat: 31.6047,
      lon: 74.5728,
      traffic: ['people'],
      source: 'test: a crossing outside the packs',
    }
    const withWagah = new Gazetteer({ ...knowledge, crossings: [...knowledge.crossings, wagah] })
    const m = places('Rangers shut the Wagah border crossing on Monday.', withWagah).find(
      (p) => p.precision === 'site',
    )
    assert.equal(m?.crossingId, 'wagah')
  })

  it('names a division with its type word, as the administration it stands for', () => {
    const m = places('Basra Governorate closed the Shalamcheh crossing.').find((p) =>
      p.text.startsWith('Basra'),
    )
    assert.equal(m?.text, 'Basra Governorate')
    assert.equal(m?.precision, 'region')
  })
})
