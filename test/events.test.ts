/** Event extraction on single sentences: type, modality, actors, place and time together. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { defaultContext } from '../src/pipeline/open-context.ts'
import { extractDocument } from '../src/pipeline/extract-document.ts'
import { contentHash } from '../src/ingest/read-sources.ts'
import { acledSubEvent, ploverCategory } from '../src/events/event-mappings.ts'

const ctx = defaultContext()

function events(body: string, published = '2019-09-30') {
  const content = `Headline\n\n${body}\n`
  return extractDocument(
    {
      hash: contentHash(content),
      origin: 'test',
      contentType: 'text/plain',
      content,
      hints: { published },
    },
    ctx,
  ).events
}

describe('extractEvents', () => {
  it('reads a reopening at a named crossing, dated by the weekday', () => {
    const [e] = events(
      'The Jaber-Nasib crossing reopened on Monday for passengers and trade.',
      '2018-10-15',
    )
    assert.equal(e.type, 'crossing-opened')
    assert.equal(e.time.start, '2018-10-15')
    assert.equal(e.place?.siteId, 'nasib-jaber')
    assert.equal(e.modality, 'asserted')
    assert.equal(e.scope, 'all')
  })

  it('marks a claim as claimed and keeps who claims control', () => {
    const found = events(
      'A PMU post claimed that the PMU will hold the security file at the Al Qaim crossing.',
    )
    const claim = found.find((e) => e.type === 'control-taken')
    assert.ok(claim)
    assert.equal(claim.modality, 'claimed')
    assert.deepEqual(
      claim.actors.filter((a) => a.role === 'actor').map((a) => a.id),
      ['pmu'],
    )
    assert.equal(claim.place?.siteId, 'albukamal-al-qaim')
    assert.ok(
      !found.some((e) => e.type === 'statement'),
      'the claim is not also a separate statement',
    )
  })

  it('reads the attacker, the target and the place of an airstrike', () => {
    const [e] = events(
      'Israeli jets struck Hezbollah positions near Qusayr on Tuesday.',
      '2019-09-30',
    )
    assert.equal(e.type, 'airstrike')
    assert.equal(e.time.start, '2019-09-24')
    assert.deepEqual(
      e.actors.map((a) => [a.role, a.id]),
      [
        ['actor', 'idf'],
        ['target', 'hezbollah'],
      ],
    )
    assert.match(e.place?.name ?? '', /Qusa[iy]r/)
  })

  it('marks reported and alleged events', () => {
    const [reported] = events(
      'Unidentified aircraft bombed a convoy near Albukamal, the Observatory said.',
    )
    assert.equal(reported.type, 'airstrike')
    assert.equal(reported.modality, 'reported')
    assert.match(reported.actors[0].id, /^unidentified/)
    const [alleged] = events('Alleged airstrikes hit a base near Albukamal on Sunday.')
    assert.equal(alleged.modality, 'alleged')
    assert.equal(alleged.time.start, '2019-09-29')
  })

  it('does not read earthquakes, suppositions or wishes as events', () => {
    assert.deepEqual(events('The earthquake that struck southern Turkey killed thousands.'), [])
    assert.deepEqual(
      events(
        'If the PMU holds the security file at the Al Qaim crossing, militias may exploit it.',
      ),
      [],
    )
    assert.deepEqual(
      events('Traders have pressed for months for the Jaber crossing to reopen.').filter(
        (e) => e.type === 'crossing-opened',
      ),
      [],
    )
  })

  it('gives one event per time when a sentence chains them', () => {
    const found = events(
      'Mysterious airstrikes struck militias near Albukamal in the summer of 2018 and again in the summer of 2019.',
    )
    assert.deepEqual(
      found.filter((e) => e.type === 'airstrike').map((e) => e.time.start),
      ['2018-06-01', '2019-06-01'],
    )
  })

  it('falls back to the publication day, and says so', () => {
    const [e] = events('Jordan closed the Jaber crossing.', '2015-04-01')
    assert.equal(e.type, 'crossing-closed')
    assert.equal(e.time.start, '2015-04-01')
    assert.equal(e.time.certainty, 'publication')
    assert.equal(e.actors[0]?.name, 'Jordan')
  })
})

describe('extractEvents: who says so, how sure, how many died', () => {
  it('attributes a report to the outlet it cites, and a claim to the side that makes it', () => {
    const [strike] = events(
      'Warplanes struck rebel positions near Idlib on Tuesday, killing 6 fighters, according to SANA.',
    )
    assert.equal(strike.type, 'airstrike')
    assert.equal(strike.modality, 'reported')
    assert.equal(strike.attribution?.kind, 'media')
    assert.match(strike.attribution?.name ?? '', /SANA|Syrian Arab News Agency/)
    assert.equal(strike.fatalities, 6)
    const [own] = events('Unidentified aircraft bombed a convoy near Albukamal on Monday.')
    assert.equal(own.attribution?.kind, 'outlet', 'asserted on the outlet’s own word')
    assert.ok(own.cues?.includes('unidentified'))
  })

  it('tells negated, denied and historical events apart from asserted ones', () => {
    const [none] = events('The army did not withdraw from the town of Manbij on Monday.')
    assert.equal(none.modality, 'negated')
    const [denied] = events('Russia denied that its jets bombed the hospital in Aleppo on Monday.')
    assert.equal(denied.modality, 'denied')
    const [old] = events('Militants seized the town of Palmyra in 2015.')
    assert.equal(old.modality, 'background')
  })
})

describe('extractEvents: types across the ACLED range', () => {
  it('reads control by force, and a takeover after a withdrawal as a handover', () => {
    const [taken] = events('Rebel fighters captured the village of Tal Hamra on Monday.')
    assert.deepEqual([taken.type, taken.subtype], ['control-taken', 'by-force'])
    assert.equal(taken.actors.find((a) => a.role === 'actor')?.kind, 'armed-group')
    const [handed] = events(
      'Militiamen took control of the town of Qaryatayn on Sunday after army units pulled out.',
    )
    assert.equal(handed.subtype, 'handover')
  })

  it('does not read seized weapons, grenades or crowds as territory, shelling or clashes', () => {
    assert.deepEqual(
      events('Police said two firearms and 150 rounds of ammunition were seized in Kingston.').map(
        (e) => e.type,
      ),
      [],
    )
    assert.ok(
      !events('Seven soldiers were injured in a grenade explosion during clashes on Tuesday.').some(
        (e) => e.type === 'clash' || e.type === 'shelling',
      ),
    )
    assert.ok(
      !events('Protesters clashed with police in the capital on Friday.').some(
        (e) => e.type === 'clash',
      ),
    )
  })

  it('reads withdrawals, bases, agreements and sanctions', () => {
    const type = (s: string) => events(s).map((e) => `${e.type}${e.subtype ? `/${e.subtype}` : ''}`)
    assert.ok(
      type('Russian troops pulled out of an airfield near Qamishli on Friday.').includes(
        'deployment/withdraw',
      ),
    )
    assert.ok(
      type('The Turkish army set up its 11th observation point in Idlib province.').includes(
        'construction',
      ),
    )
    assert.ok(
      type('Rebel groups and government forces have agreed a 48-hour ceasefire.').includes(
        'agreement',
      ),
    )
    assert.ok(
      type('The US imposed new sanctions on the Kataib Hezbollah leaders on Monday.').includes(
        'sanction',
      ),
    )
  })
})

/** The ACLED sub-event (CASE label) of the first event that has one, as the CASE scorer reads it. */
function acled(body: string): string | null {
  return (
    events(body)
      .map((e) => acledSubEvent(e))
      .find((l) => l) ?? null
  )
}

/** The acting sides of the first event of `type`. */
function actorsOf(body: string, type: string): string[] {
  const e = events(body).find((x) => x.type === type)
  return e?.actors.filter((a) => a.role === 'actor').map((a) => a.kind ?? '?') ?? []
}

describe('extractEvents: who took the ground', () => {
  it('reads the object of "drove … out" as the side that lost', () => {
    assert.equal(
      acled('Government troops drove the rebels out of the village of Kafr Tal on Monday.'),
      'GOV_REGAINS_TERIT',
    )
  })

  it('takes the subject of the reported clause, not the one who reports it', () => {
    assert.deepEqual(
      actorsOf(
        'An army spokesman said militants took control of the hilltop town of Deir Hafer.',
        'control-taken',
      ),
      ['armed-group'],
    )
    assert.deepEqual(
      actorsOf(
        'According to local activists, the Hezbollah fighters retook the hills around Qusayr.',
        'control-taken',
      ),
      ['armed-group'],
    )
  })

  it('keeps an agent in a relative clause away from the main verb', () => {
    assert.equal(
      acled(
        'Government forces regained the town of Saraqib, which had been captured by rebels in May.',
      ),
      'GOV_REGAINS_TERIT',
    )
  })

  it('reads "they" as the armed side named before it, not its backer', () => {
    assert.equal(
      acled(
        'Sources close to the rebels backed by Ankara said they had seized two villages near Manbij.',
      ),
      'NON_STATE_ACTOR_OVERTAKES_TER',
    )
  })

  it('tells a battle in which ground changed hands by the ground taken', () => {
    assert.equal(
      acled('Government troops clashed with rebels and captured the village of Tal Rifaat.'),
      'GOV_REGAINS_TERIT',
    )
  })

  it('keeps a withdrawal forced by bombardment a takeover by force', () => {
    const [e] = events(
      'Army units recaptured the town of Kafr Nabl after rebels withdrew under heavy shelling.',
    )
    assert.deepEqual([e.type, e.subtype], ['control-taken', 'by-force'])
  })
})

describe('extractEvents: changes to armed groups, bases, strikes and agreements', () => {
  it('reads defections, new units and mobilisations as changes to a group', () => {
    for (const s of [
      'Dozens of soldiers defected to the opposition in Deraa on Friday.',
      'A new border brigade was formed in Anbar province last week.',
      'The tribal militia mobilised hundreds of fighters near Deir ez-Zor.',
    ])
      assert.equal(acled(s), 'CHANGE_TO_GROUP_ACT', s)
    assert.equal(acled('Soldiers were mobilised to help clear snow from the mountain roads.'), null)
    assert.equal(acled('Police deployed tear gas against the crowd outside parliament.'), null)
    assert.equal(acled('The government withdrew from the arms control treaty on Monday.'), null)
  })

  it('reads missiles fired from aircraft as an airstrike, and mortars named as the means as shelling', () => {
    const found = events(
      'Israeli warplanes fired two missiles at a warehouse near Damascus airport.',
    )
    assert.deepEqual(
      found.map((e) => e.type),
      ['airstrike'],
    )
    assert.equal(
      acled('Rebels attacked army positions near Hama using mortars and heavy machine guns.'),
      'ART_MISS_ATTACK',
    )
    assert.notEqual(acled('Gunmen fired anti-aircraft guns at a police checkpoint.'), 'AIR_STRIKE')
  })

  it('reads bases set up in the passive, but not relief camps', () => {
    assert.equal(acled('Two new checkpoints were set up on the Raqqa road.'), 'HQ_ESTABLISHED')
    assert.equal(
      acled('The Iranian forces have established a total of 12 military observation points.'),
      'HQ_ESTABLISHED',
    )
    assert.equal(acled('Relief camps were set up for the displaced families.'), null)
  })

  it('reads peace talks and prisoner releases as agreements, an offer as PLOVER AGREE only', () => {
    assert.equal(acled('The two sides began peace talks in Geneva on Monday.'), 'AGREEMENT')
    assert.equal(acled('The rebels released 40 prisoners on Tuesday.'), 'AGREEMENT')
    const [offer] = events('Jordan offered to host the next round of negotiations.')
    assert.equal(acledSubEvent(offer), null)
    assert.equal(ploverCategory(offer), 'AGREE')
  })

  it('reads sanctions short of force and threats', () => {
    const types = (s: string) => events(s).map((e) => e.type)
    assert.ok(types('Jordan expelled two Iranian diplomats on Monday.').includes('sanction'))
    assert.ok(types('The European Union suspended aid to the government.').includes('sanction'))
    const found = events('The militia threatened to shell the airport if the talks fail.')
    assert.ok(found.some((e) => e.type === 'threat'))
    assert.ok(found.every((e) => ploverCategory(e) !== 'ASSAULT'))
    assert.ok(found.some((e) => ploverCategory(e) === 'THREATEN'))
  })
})

describe('extractEvents: demands, refusals and denials', () => {
  it('does not read what is demanded, refused, denied or only offered as done', () => {
    const modality = (s: string, type: string) => events(s).find((e) => e.type === type)?.modality
    assert.equal(
      modality(
        'The minister demanded the withdrawal of foreign troops from the south.',
        'deployment',
      ),
      'hypothetical',
    )
    assert.equal(modality('The fighters refused to surrender on Sunday.', 'agreement'), 'negated')
    assert.equal(
      modality(
        'Moscow rejected allegations that its jets bombed a hospital in Idlib.',
        'airstrike',
      ),
      'denied',
    )
    assert.equal(
      modality('The army is ready to withdraw from the town within a week.', 'deployment'),
      'planned',
    )
  })
})
