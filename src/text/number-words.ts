// Numbers and scales written as words, with their values: the one list that the number finder
// (numbers.ts) and the money parser (money.ts) read. money.yml adds what only amounts use: "a",
// "hundred", plurals and abbreviations ("millions", "bn", "lakh"). Constants, not a data file:
// numbers.ts builds its patterns from them when it loads.

/** Number words below a hundred, in order; the finder combines them ("thirty-five"). */
export const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90
}

/** Scale words, with their multipliers. */
export const scaleWords: Record<string, number> = {thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12}
