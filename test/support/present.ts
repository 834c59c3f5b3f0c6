/**
 * Small helpers for `noUncheckedIndexedAccess`: a test that expects a value to be there says so,
 * and fails with a clear message naming what was missing instead of a TypeError further on.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, but there was none`);
  return value;
}

/** The item at `index` (negative counts from the end), or a clear error naming what was expected. */
export function item<T>(list: readonly T[], index: number, what = `item ${index}`): T {
  return present(list.at(index), `${what} (index ${index} of a list of ${list.length})`);
}

/** The `index`th part of `text` split by `separator`, or a clear error. */
export function part(text: string, separator: string | RegExp, index: number, what = `part ${index}`): string {
  return item(text.split(separator), index, `${what} of "${text}"`);
}
