/** Place recognition: spellings, crossings written as pairs, adjectives, and town/word collisions. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { defaultGazetteer } from '../src/places/gazetteer.ts'
import { recognisePlaces } from '../src/places/recognise-places.ts'
import { foldName, nameKeys } from '../src/text/fold-name.ts'

const g = defaultGazetteer()
const places = (text: string) => recognisePlaces(text, g)

describe('foldName', () => {
  it('makes transliterations of one name share a key', () => {
    for (const name of ['Al-Qaim', 'Al Qaim', "Al Qa'im", 'al-Qa’im', 'AL QAIM']) {
      assert.equal(foldName(name), 'alqaim')
    }
    assert.ok(nameKeys('Al-Qaim').includes('qaim'))
    assert.equal(foldName('Ālbū Kamāl'), 'albukamal')
  })
})

describe('recognisePlaces', () => {
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
