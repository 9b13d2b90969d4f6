/** Builds the sentence as text nodes with every occurrence of the trigger words wrapped in `<mark>`. */
export function highlightTrigger(sentence: string, trigger: string): DocumentFragment {
  const fragment = document.createDocumentFragment()
  const needle = trigger.trim().toLowerCase()
  if (!needle) {
    fragment.append(sentence)
    return fragment
  }
  const haystack = sentence.toLowerCase()
  let from = 0
  let at = haystack.indexOf(needle, from)
  while (at !== -1) {
    if (at > from) fragment.append(sentence.slice(from, at))
    const mark = document.createElement('mark')
    mark.textContent = sentence.slice(at, at + needle.length)
    fragment.append(mark)
    from = at + needle.length
    at = haystack.indexOf(needle, from)
  }
  if (from < sentence.length) fragment.append(sentence.slice(from))
  return fragment
}
