/**
 * What a transcriber read off the printed page besides the facts the ledger keeps: the names as
 * printed, the printed category and its correction, notes. A transcript travels with its record
 * in a plan document but is not turned into events, so {@link planFromState} gives a plan back
 * without transcripts (see `ledgerView`).
 *
 * @module Transcript
 */
import * as t from 'io-ts'
import { FiniteNumber, LocalizedText, NonEmptyString, SourceRef } from '@progress-ledger/core'

/** Where one fact of a project was read, with the qualifier printed next to it (`约`, `多`). */
export const FactSource = t.exact(
  t.intersection([
    t.type({ key: NonEmptyString, source: SourceRef }),
    t.partial({ qualifier: t.string, note: t.string, printed: FiniteNumber }),
  ]),
  'FactSource',
)
/** Where one fact of a project was read. */
export type FactSource = t.TypeOf<typeof FactSource>

/** A printed name of a unit that is not a registered department (a company, a national body). */
export const PrintedUnit = t.exact(
  t.intersection([t.type({ name: NonEmptyString }), t.partial({ source: SourceRef })]),
  'PrintedUnit',
)
/** A printed name of a unit outside the registry. */
export type PrintedUnit = t.TypeOf<typeof PrintedUnit>

/** The transcription of one record. Every field is optional. */
export const Transcript = t.exact(
  t.partial({
    /** The responsible units exactly as printed, in printed order. */
    departments: t.readonlyArray(t.string),
    /** Units named in the text that are not registered departments. */
    otherUnits: t.readonlyArray(PrintedUnit),
    /** The category label printed in the table's category column. */
    category: t.string,
    /** Why the recorded category differs from the printed one. */
    categoryCorrection: NonEmptyString,
    /** `false` when the table leaves the attribute cell blank (the recorded attribute is then a decision). */
    attributePrinted: t.boolean,
    /** A target printed once across the interim and final columns. */
    spansBothYears: t.boolean,
    /** The content column of a flagship project (the ledger's project has no summary). */
    summary: t.string,
    /** An earlier name of a project. */
    formerName: LocalizedText,
    /** Where each fact of a project was read. */
    factSources: t.readonlyArray(FactSource),
    /** Where the record itself was read, for records whose event has no source. */
    source: SourceRef,
    /** The transcriber's note. */
    note: t.string,
  }),
  'Transcript',
)
/** The transcription of one record. */
export type Transcript = t.TypeOf<typeof Transcript>
