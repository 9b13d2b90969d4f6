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

  it("reads other countries' first-level divisions, and a dominant city before its division", () => {
    const nadu = find('Farmers in Tamil Nadu blocked the highway.', 'Tamil Nadu')
    assert.equal(nadu?.id, 'division:IN-TN')
    assert.equal(nadu.kind, 'region')
    assert.equal(nadu.admin1, 'IN-25')
    assert.equal(find('Flooding hit Manitoba on Friday.', 'Manitoba')?.country, 'CA')
    // A city holding most of its division's people is what the bare name means.
    assert.equal(find('Traffic in Lagos stalled again.', 'Lagos')?.kind, 'city')
    const state = find('Fuel ran short across Lagos State this week.', 'Lagos State')
    assert.equal(state?.kind, 'region')
    assert.equal(find('Life in New York is costly.', 'New York')?.id, 'geonames:5128581')
    // Division names that are English words are not indexed.
    assert.deepEqual(
      annotatePlaces('The Delta flight took off. Rivers rose.').map((m) => m.text),
      [],
    )
  })

  it("keeps a country name the country, even after its capital's dateline", () => {
    const found = annotatePlaces('MEXICO CITY (Reuters) - Mexico said it would raise tariffs.')
    assert.equal(found.find((m) => m.text === 'Mexico')?.kind, 'country')
  })

  it('reads a crossing no pack knows from its type words, with a stable found: id', () => {
    const found = annotatePlaces(
      'Trucks queued at the Kharlachi border crossing on Monday. Kharlachi reopened on Friday.',
    )
    const [phrase, bare] = found.filter((m) => m.id === 'found:kharlachi')
    assert.equal(phrase?.text, 'Kharlachi border crossing')
    assert.equal(phrase.name, 'Kharlachi border crossing')
    assert.equal(phrase.kind, 'crossing')
    assert.equal(phrase.precision, 'site')
    assert.equal(phrase.crossingId, undefined)
    assert.equal(phrase.lat, null)
    assert.equal(bare?.text, 'Kharlachi')
    PlaceAnnotation.parse(phrase)
    // Located at the place its name denotes, when the gazetteer has one.
    const post = find('Guards closed the Landi Kotal border post.', 'Landi Kotal border post')
    assert.equal(post?.id, 'found:landi-kotal')
    assert.equal(post.country, 'PK')
    assert.ok(post.lat !== null)
    const bridge = find(
      'The Rumichaca International Bridge reopened.',
      'Rumichaca International Bridge',
    )
    assert.equal(bridge?.id, 'found:rumichaca')
    const post2 = find('Guards closed the Khachmaz border post.', 'Khachmaz border post')
    assert.equal(post2?.id, 'found:khachmaz')
    // Located at Xaçmaz, as English romanises Azerbaijani ("x" is "kh", "ç" is "ch").
    assert.equal(post2.country, 'AZ')
    assert.ok(post2.lat !== null && Math.abs(post2.lat - 41.46) < 0.1)
    // Pack crossings keep their pack id; peoples, countries and common words name no crossing.
    assert.equal(
      find('Trade resumed at the Nasib border post.', 'Nasib border post')?.crossingId,
      'nasib-jaber',
    )
    const none = annotatePlaces(
      'Refugees reached the Syrian border crossing. Animal Crossing sold well. The Illegal Border Crossing rose.',
    )
    assert.ok(
      none.every((m) => !m.id?.startsWith('found:')),
      JSON.stringify(none),
    )
  })

  it('does not take sentence ends, organisations or joined words for people or towns', () => {
    // "Justice." ends a sentence; it is no title before "Azerbaijan".
    const az = annotatePlaces('He sued the Ministry of Justice. Azerbaijan denied it.')
    assert.equal(az.find((m) => m.text === 'Azerbaijan')?.kind, 'country')
    // "Bank Malta" is a bank, not a person called Malta.
    const malta = annotatePlaces('Shares of Bank Malta fell. Malta said growth slowed.')
    assert.ok(malta.some((m) => m.text === 'Malta' && m.kind === 'country'))
    // "In A" is not the town Ina; "Debussy" in a concert review is not Dabousieh.
    assert.deepEqual(
      annotatePlaces('She sang In A Broken Dream, then played Liszt, Debussy and Ravel.').map(
        (m) => m.text,
      ),
      [],
    )
    // A first name before a surname makes the name's other mentions the person too.
    assert.deepEqual(
      annotatePlaces('Mary Smithson spoke first. Later, Mary of the choir sang.').map(
        (m) => m.text,
      ),
      [],
    )
  })

  it("spells counties with Saint or St., and keeps a sentence's full stop out of the name", () => {
    const saint = find('He farms in Saint Croix County.', 'Saint Croix County')
    assert.equal(saint?.id, 'us-county:55109')
    const found = annotatePlaces('She moved to St. Louis. Trucks crossed the U.S. border.')
    assert.deepEqual(
      found.map((m) => m.text),
      ['St. Louis', 'U.S.'],
    )
  })

  it('takes "City" and a division\'s "State" into the name, not a longer name', () => {
    assert.ok(find('Snow fell on Quebec City overnight.', 'Quebec City'))
    assert.ok(find('Gunmen struck in Benue State.', 'Benue State'))
    assert.ok(find('The Dublin City Council met.', 'Dublin'))
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
