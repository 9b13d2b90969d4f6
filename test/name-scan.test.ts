/** The name scanner's shortcuts: ASCII folds, memoised skeletons and prefix-pruned lookups change no result. */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { baseLetters, foldName } from '../src/text/fold-name.ts'
import { findNames } from '../src/text/find-names.ts'
import { plainWord, wordSkeleton } from '../src/text/transliteration-key.ts'
import { ActorIndex } from '../src/actors/actor-index.ts'
import { recogniseActors } from '../src/actors/recognise-actors.ts'

/** The Unicode folds as documented, without the ASCII shortcut. */
const fullFold = (name: string) =>
  baseLetters(
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
      .replace(/['’‘`ʿʾʼ´]/g, '')
      .toLowerCase(),
  )
    .replace(/[\s\-–—_.]+/g, '')
    .replace(/ـ/g, '')
const fullPlain = (word: string) =>
  baseLetters(
    word
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
      .replace(/['’‘`ʿʾʼ´ʻ]/g, '')
      .toLowerCase(),
  ).replace(/^[وفبلك](?=ال)/, '')

/** Printable ASCII with the characters folding treats specially weighted in. */
const asciiText = fc.stringOf(
  fc.oneof(fc.char(), fc.constantFrom(' ', '-', '_', '.', "'", '`', '\t', '\n', 'A', 'Z', 'q')),
  { maxLength: 24 },
)

describe('name folds', () => {
  it('fold ASCII names as the full Unicode path does', () => {
    fc.assert(
      fc.property(asciiText, (s) => {
        assert.equal(foldName(s), fullFold(s))
        assert.equal(plainWord(s), fullPlain(s))
      }),
      { numRuns: 2000 },
    )
    assert.equal(foldName("St. John's Wood_Lane"), 'stjohnswoodlane')
    assert.equal(foldName('Ālbū Kamāl'), 'albukamal')
    assert.equal(plainWord("Qa'im"), 'qaim')
    assert.equal(plainWord('Qāʾim'), 'qaim')
  })

  it('gives a word the same skeleton however often it is asked', () => {
    const words = ['Boukamal', "Qa'im", 'al', 'Abou', 'Deir', 'Ezzor', 'Albukamal', 'Nassib']
    const first = words.map(wordSkeleton)
    for (let i = 0; i < 3; i++) assert.deepEqual(words.map(wordSkeleton), first)
    assert.equal(wordSkeleton('Boukamal'), 'bakamal')
    assert.equal(wordSkeleton('al'), '')
  })
})

/** Words of names and of the prose around them, including article forms and a non-ASCII name. */
const VOCABULARY = [
  'al',
  'Al',
  'as',
  'Ash',
  'Sham',
  'Qaim',
  'Bab',
  'Hawa',
  'Syrian',
  'regime',
  'forces',
  'Free',
  'Army',
  'the',
  'The',
  'of',
  'said',
  'Kataib',
  'Hezbollah',
  'Ḥimṣ',
  'Jordan',
  'border',
  'guards',
]
const SEPARATORS = [' ', ' ', ' ', '-', "'s ", ', ', '. ', ' - ']

const keysAndText = fc.record({
  names: fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 12,
  }),
  words: fc.array(
    fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS), fc.boolean()),
    { maxLength: 40 },
  ),
})

describe('findNames with key prefixes', () => {
  it('finds exactly the names it finds when every span is looked up', () => {
    fc.assert(
      fc.property(keysAndText, ({ names, words }) => {
        const index = new Map<string, string[]>()
        for (const n of names) index.set(foldName(n.join(' ')), [n.join(' ')])
        const prefixes = new Set<string>()
        for (const key of index.keys())
          for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n))
        let lookups = 0
        const lookup = (key: string) => {
          lookups++
          return index.get(key) ?? []
        }
        const text = words.map(([w, sep, upper]) => (upper ? w.toUpperCase() : w) + sep).join('')
        for (const [maxTokens, lower] of [
          [6, true],
          [5, false],
        ] as const) {
          lookups = 0
          const all = findNames(text, lookup, maxTokens, lower)
          const withoutPruning = lookups
          lookups = 0
          const pruned = findNames(text, lookup, maxTokens, lower, prefixes)
          assert.deepEqual(pruned, all)
          assert.ok(lookups <= withoutPruning)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('finds actors with fewer lookups and the same mentions', () => {
    const index = new ActorIndex()
    const text =
      'The Syrian regime and the Free Syrian Army fought near Al Bukamal. Kata’ib Hezbollah said Iraqi forces and Jordanian border guards closed the crossing.'
    let lookups = 0
    const counted = (key: string, raw: string) => {
      lookups++
      return index.lookup(key, raw)
    }
    const all = findNames(text, counted, 6, true)
    const every = lookups
    lookups = 0
    assert.deepEqual(findNames(text, counted, 6, true, index.keyPrefixes), all)
    assert.ok(lookups < every / 2, `${lookups} lookups with prefixes, ${every} without`)
    const found = recogniseActors(text, index).map((m) => m.text)
    for (const name of ['Syrian regime', 'Free Syrian Army', 'Kata’ib Hezbollah', 'Iraqi forces'])
      assert.ok(found.includes(name), `${name} in ${found.join(', ')}`)
  })
})
