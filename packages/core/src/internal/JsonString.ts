/**
 * A string as JSON text, the way `JSON.stringify` writes it, without calling it for the common
 * strings that need no escaping.
 *
 * @module internal/JsonString
 */

/** Characters `JSON.stringify` escapes in a string (quotes, backslash, controls, surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/** `JSON.stringify(s)`, quicker for strings that need no escaping. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`
}
