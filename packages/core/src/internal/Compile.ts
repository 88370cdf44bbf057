/**
 * Functions compiled from code text for one declared shape. V8 keeps the type feedback of a
 * function per function literal: a closure made by a generic compiler for every node kind shares
 * one literal, so its property reads see every kind's objects and keys and stay slow
 * (megamorphic). A function made from its own code text for one node kind reads fixed property
 * names at sites that see one kind of object, as hand-written code would.
 *
 * Only code text built here from the shape declarations is compiled — property names are written
 * as JSON string literals, never spliced as code — and a host that forbids compiling code (a
 * content security policy without `unsafe-eval`) gets the generic closure instead: the same
 * results, slower.
 *
 * @module internal/Compile
 */

/**
 * A function compiled from `body`, which sees `deps`' keys as variables bound to its values and
 * must `return` the function; `fallback()` where the host refuses to compile code.
 */
export function compiled<F>(
  deps: Readonly<Record<string, unknown>>,
  body: string,
  fallback: () => F,
): F {
  const names = Object.keys(deps)
  let make: (...values: unknown[]) => F
  try {
    make = new Function(...names, `'use strict';\n${body}`) as (...values: unknown[]) => F
  } catch (e) {
    if (e instanceof EvalError) return fallback()
    throw e
  }
  return make(...names.map((n) => deps[n]))
}

/** A property read of `key` on `object` as code text: `o["key"]`. */
export function read(object: string, key: string): string {
  return `${object}[${JSON.stringify(key)}]`
}
