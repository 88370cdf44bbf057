/**
 * The digest of one link of the integrity chain: SHA-256 (or HMAC-SHA256 under a key) of the
 * previous hash, a newline and an event's canonical content text, as lowercase hex.
 *
 * @module internal/ChainDigest
 */
import * as crypto from 'node:crypto'

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string

/** Node's one-shot `crypto.hash` (Node >= 20.12) avoids a Hash object per event. */
const oneShot = (crypto as unknown as { readonly hash?: OneShotHash }).hash

/** The chain hash after `prevHash` of an event whose content text is `text`. */
export function chainDigest(prevHash: string, text: string, key?: string | Uint8Array): string {
  const linked = `${prevHash}\n${text}`
  if (key !== undefined) return crypto.createHmac('sha256', key).update(linked).digest('hex')
  return oneShot !== undefined
    ? oneShot('sha256', linked, 'hex')
    : crypto.createHash('sha256').update(linked).digest('hex')
}
