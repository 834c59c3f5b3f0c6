// How names, towns and postcodes become searchable words: the same rules for what is stored and what
// is typed, so "St Mary's C of E" finds "St Marys CofE" and "ST MARY'S" alike.

/** Lower case, no accents, apostrophes dropped ("Mary's" → "marys"), "&" as "and", other punctuation as spaces. */
export function wordsOf(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return plain === '' ? [] : plain.split(' ');
}

/** The text searched for every word of a query: each word with a space before it, so "% mary" matches a word's start. */
export function searchTextOf(name: string, town: string): string {
  return ` ${[...wordsOf(name), ...wordsOf(town)].join(' ')}`;
}

/** The distinct words indexed for an establishment. */
export function indexWordsOf(name: string, town: string): string[] {
  return [...new Set([...wordsOf(name), ...wordsOf(town)])];
}

/** A postcode in capitals without spaces ("sw1a 1aa" → "SW1A1AA"). */
export function postcodeKeyOf(postcode: string): string {
  return postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Looks like the start of a UK postcode: an area and a district, perhaps more ("LS6", "LS6 2", "LS6 2AB"). */
export function looksLikePostcode(query: string): boolean {
  return /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{0,2})?$/.test(query.trim());
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The smallest string above every string that starts with `prefix` (made of digits and lower-case
 * letters, or digits and capitals), for an index range `>= prefix and < bound` that works the same on
 * SQLite and PostgreSQL whatever the collation; null when there is none ("zz").
 */
export function prefixUpperBound(prefix: string): string | null {
  const upper = prefix !== prefix.toLowerCase();
  const chars = prefix.toLowerCase().split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const at = ALPHABET.indexOf(chars[i] ?? '');
    if (at >= 0 && at < ALPHABET.length - 1) {
      const bound = `${chars.slice(0, i).join('')}${ALPHABET.charAt(at + 1)}`;
      return upper ? bound.toUpperCase() : bound;
    }
  }
  return null;
}

/**
 * Words so common in school names that a search led by one would read thousands of rows: the picker
 * leads with another word of the query when it has one.
 */
export const COMMON_WORDS = new Set([
  'school',
  'schools',
  'primary',
  'secondary',
  'academy',
  'the',
  'of',
  'and',
  'church',
  'england',
  'ce',
  'c',
  'e',
  'st',
  'saint',
  'junior',
  'infant',
  'infants',
  'nursery',
  'community',
  'college',
  'high',
  'catholic',
  'rc',
  'voluntary',
  'aided',
  'controlled',
  'trust',
  'centre',
  'free',
  'special',
  'first',
  'middle',
  'upper',
  'lower',
  'cofe',
  'methodist',
  'federation',
  'park',
  'green',
  'hill',
  'road',
  'london',
  'va',
  'vc',
  'juniors',
  'all',
  'saints',
]);
