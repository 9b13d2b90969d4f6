/** The geoparser on hand-written sentences: spellings, people and organisations, adjectives, gaps. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { annotatePlaces } from '../src/places/annotate-places.ts'
import { skeletonKey } from '../src/text/transliteration-key.ts'
import { PlaceAnnotation } from '../src/model/index.ts'

const find = (text: string, name: string) => annotatePlaces(text).find((m) => m.text === name)

describe('skeletonKey', () => {
  const key = (name: string) => skeletonKey(name.split(/[\s-]+/))
  it('gives transliterations of one Arabic name one key', () => {
    const groups = [
      ['Albukamal', 'Abu Kamal', 'Al-Bukamal', 'Boukamal', 'Albukamel', 'Ālbū Kamāl', 'Abou Kamal'],
      ['Al-Qaim', 'Al-Qaem', "Al Qa'im", 'al-Qa’im'],
      ['Deir ez-Zor', 'Deir al-Zour', 'Dayr az Zawr', 'Deir Ezzor'],
      ['Raqqa', 'ar-Raqqah', 'Al Raqa'],
    ]
    for (const group of groups) assert.equal(new Set(group.map(key)).size, 1, group.join(' / '))
    assert.notEqual(key('Aleppo'), key('Albukamal'))
  })
})

describe('annotatePlaces', () => {
  it('resolves every spelling of Albukamal to the town at the crossing', () => {
    for (const spelling of [
      'Albukamal',
      'Abu Kamal',
      'Al-Bukamal',
      'Boukamal',
      'Albukamel',
      'Ālbū Kamāl',
      'Abou Kamal',
    ]) {
      const m = find(`Trucks waited near ${spelling} on Monday.`, spelling)
      assert.equal(m?.country, 'SY', spelling)
      assert.ok(m && Math.abs(m.lat! - 34.45) < 0.1 && Math.abs(m.lon! - 40.92) < 0.1, spelling)
      assert.equal(m.literal, true)
    }
  })

  it("resolves Al-Qaim, Al-Qaem and Al Qa'im to the Iraqi side", () => {
    for (const spelling of ['Al-Qaim', 'Al-Qaem', "Al Qa'im", 'al-Qaim']) {
      const m = find(`Iraqi forces entered ${spelling} at dawn.`, spelling)
      assert.equal(m?.country, 'IQ', spelling)
      assert.ok(m && Math.abs(m.lat! - 34.38) < 0.1, spelling)
    }
  })

  it('reads "X crossing" and "X-Y border crossing" as the crossing, a site', () => {
    const [m] = annotatePlaces('The Al-Qaem-Bukamal border crossing reopened.')
    assert.equal(m.crossingId, 'albukamal-al-qaim')
    assert.equal(m.precision, 'site')
    const jaber = find('Traffic resumed at the Jaber crossing.', 'Jaber crossing')
    assert.equal(jaber?.crossingId, 'nasib-jaber')
  })

  it('keeps "Jordan said" as the country, standing for its government', () => {
    const m = find('Jordan said it would reopen the border on Sunday.', 'Jordan')
    assert.equal(m?.kind, 'country')
    assert.equal(m.country, 'JO')
    assert.equal(m.literal, false)
    assert.equal(m.association, 'metonym')
  })

  it('does not read the person Michael Jordan as the country', () => {
    const found = annotatePlaces('Michael Jordan visited the team. Later Jordan said he was proud.')
    assert.deepEqual(
      found.map((m) => m.text),
      [],
    )
  })

  it('marks "Damascus University" as an organisation that names a place', () => {
    const m = find('Students at Damascus University protested on Tuesday.', 'Damascus')
    assert.equal(m?.country, 'SY')
    assert.equal(m.literal, false)
    assert.equal(m.association, 'organisation')
  })

  it('types demonyms and adjectives as associative, pointing to their country', () => {
    const found = annotatePlaces('Syrian and Iraqi officials met Iran-backed militias in Syria.')
    const syrian = found.find((m) => m.text === 'Syrian')
    assert.equal(syrian?.country, 'SY')
    assert.equal(syrian.literal, false)
    assert.equal(syrian.association, 'demonym')
    assert.equal(found.find((m) => m.text === 'Iraqi')?.association, 'demonym')
    assert.equal(found.find((m) => m.text === 'Iran')?.association, 'modifier')
    const syria = found.find((m) => m.text === 'Syria')
    assert.equal(syria?.literal, true)
    assert.equal(syria.precision, 'country')
  })

  it('reports an unknown village as unresolved and keeps every other place', () => {
    const text = 'Shelling hit the village of Zqzqiyya near Saraqib, in Idlib province, Syria.'
    const found = annotatePlaces(text)
    const village = found.find((m) => m.text === 'Zqzqiyya')
    assert.equal(village?.id, null)
    assert.equal(village.kind, 'unresolved')
    assert.equal(village.lat, null)
    assert.equal(found.find((m) => m.text === 'Saraqib')?.country, 'SY')
    assert.equal(found.find((m) => m.text === 'Idlib')?.precision, 'region')
    assert.equal(found.find((m) => m.text === 'Syria')?.kind, 'country')
  })

  it('uses "X, Y" containment and the document\'s places to pick among namesakes', () => {
    const texas = find('He grew up in Paris, Texas, before moving away.', 'Paris')
    assert.equal(texas?.admin1, 'US-TX')
    const france = find('Talks in Paris ended without a deal, French officials said.', 'Paris')
    assert.equal(france?.country, 'FR')
    const mo = find('The plant is in Springfield, Mo. and employs 300 people.', 'Mo.')
    assert.equal(mo?.admin1, 'US-MO')
  })

  it('resolves country and region names to the country or region, not to a town', () => {
    const found = annotatePlaces('Lebanon and Georgia signed a deal with Russia.')
    assert.deepEqual(
      found.map((m) => [m.text, m.kind]),
      [
        ['Lebanon', 'country'],
        ['Georgia', 'country'],
        ['Russia', 'country'],
      ],
    )
  })

  it('does not read common words, months or surnames as towns', () => {
    const found = annotatePlaces(
      'In March, Commerce Secretary Wilbur Ross met Mr. Nelson. Reading the report, Smith left.',
    )
    assert.deepEqual(
      found.map((m) => m.text),
      [],
    )
  })

  it('reads Arabic script, with a conjunction written onto the name', () => {
    const found = annotatePlaces('أعيد فتح معبر القائم والبوكمال')
    assert.ok(found.some((m) => m.country === 'SY' && m.text === 'والبوكمال'))
    assert.ok(found.some((m) => m.crossingId === 'albukamal-al-qaim' && m.precision === 'site'))
  })

  it('reads roads, streets and rivers without a gazetteer id, placed at the town named before', () => {
    const found = annotatePlaces(
      'In Fargo, North Dakota, the Red River closed Highway 10 and Main Street.',
    )
    for (const name of ['Red River', 'Highway 10', 'Main Street']) {
      const m = found.find((f) => f.text === name)
      assert.equal(m?.id, null, name)
      assert.equal(m.admin1, 'US-ND', name)
    }
  })

  it('returns spans that slice the text and validate against the schema', () => {
    const text = 'Aid crossed from Bab al-Hawa into Idlib, near the Turkish border.'
    const found = annotatePlaces(text)
    assert.ok(found.length >= 2)
    for (const m of found) {
      assert.equal(text.slice(m.start, m.end), m.text)
      PlaceAnnotation.parse(m)
    }
  })
})
