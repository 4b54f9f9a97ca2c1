/**
 * Freezing of loaded rules: `loadRules` freezes what it returns, and a worker thread freezes its
 * structured clone of them (a clone is not frozen). Apart from load.ts so that a worker thread
 * can use it without loading the YAML parser and the schemas.
 */

/** Freezes `value` and every object reachable from it; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
