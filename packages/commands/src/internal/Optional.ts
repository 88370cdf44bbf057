// Optional fields under exactOptionalPropertyTypes: drop the keys whose value is undefined.

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T]
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T]

/** `T` with every key that may be undefined made optional (and never undefined). */
export type Compact<T> = { [K in RequiredKeys<T>]: T[K] } & {
  [K in OptionalKeys<T>]?: Exclude<T[K], undefined>
}

/** Copies an object without its undefined values. */
export function compact<T extends Record<string, unknown>>(o: T): Compact<T> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(o)) if (o[key] !== undefined) out[key] = o[key]
  return out as Compact<T>
}
