// The store's prepared statements, prepared once per connection.
import type Database from 'better-sqlite3'
import { EVENT_COLUMNS, READ_COLUMNS } from './rows'

/** The prepared statements of a connection. */
export interface Statements {
  readonly byIds: Database.Statement
  readonly positionsByIds: Database.Statement
  readonly versions: Database.Statement
  readonly version: Database.Statement
  readonly head: Database.Statement
  readonly insert: Database.Statement
  readonly stream: Database.Statement
  readonly all: Database.Statement
  readonly allUpTo: Database.Statement
  readonly prevHash: Database.Statement
  readonly positionAt: Database.Statement
  readonly saveSnapshot: Database.Statement
  readonly loadSnapshot: Database.Statement
  readonly saveCheckpoint: Database.Statement
  readonly pruneCheckpoints: Database.Statement
  readonly loadCheckpoint: Database.Statement
}

/** Prepares every statement the store runs. */
export function prepare(db: Database.Database): Statements {
  const select = `SELECT ${EVENT_COLUMNS} FROM events`
  return {
    /** Stored events with the ids of a JSON array: one statement per batch. */
    byIds: db.prepare(`${select} WHERE id IN (SELECT value FROM json_each(?))`),
    /** Positions of stored events with the ids of a JSON array. */
    positionsByIds: db
      .prepare('SELECT id, position FROM events WHERE id IN (SELECT value FROM json_each(?))')
      .raw(true),
    /** Current versions of the streams of a JSON array (one index probe each). */
    versions: db
      .prepare(
        'SELECT j.value, (SELECT max(version) FROM events WHERE stream_id = j.value) FROM json_each(?) AS j',
      )
      .raw(true),
    version: db.prepare('SELECT max(version) AS v FROM events WHERE stream_id = ?'),
    head: db.prepare(
      'SELECT position, hash, recorded_time FROM events ORDER BY position DESC LIMIT 1',
    ),
    insert: db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    ),
    stream: db
      .prepare(`${select} WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?`)
      .raw(true),
    /** Events after `@after` in position order ({@link READ_COLUMNS}), at most `@limit`. */
    all: db
      .prepare(
        `SELECT ${READ_COLUMNS} FROM events WHERE position > @after ORDER BY position LIMIT @limit`,
      )
      .raw(true),
    /** As `all`, recorded at or before `@upTo`. */
    allUpTo: db
      .prepare(
        `SELECT ${READ_COLUMNS} FROM events WHERE position > @after AND recorded_time <= @upTo ORDER BY position LIMIT @limit`,
      )
      .raw(true),
    /** The stored previous hash of one event (a read that found a gap before it). */
    prevHash: db.prepare('SELECT prev_hash FROM events WHERE position = ?').pluck(),
    positionAt: db.prepare('SELECT max(position) AS p FROM events WHERE recorded_time <= ?'),
    saveSnapshot: db.prepare(
      'INSERT OR REPLACE INTO snapshots (name, position, schema_version, state) VALUES (?, ?, ?, ?)',
    ),
    loadSnapshot: db.prepare(
      'SELECT name, position, schema_version, state FROM snapshots WHERE name = ? AND position <= ? ORDER BY position DESC LIMIT 1',
    ),
    saveCheckpoint: db.prepare(
      'INSERT OR REPLACE INTO checkpoints (name, position, head, format, image) VALUES (?, ?, ?, ?, ?)',
    ),
    /** Keeps the newest `?` checkpoints of a name. */
    pruneCheckpoints: db.prepare(
      'DELETE FROM checkpoints WHERE name = ? AND position NOT IN (SELECT position FROM checkpoints WHERE name = ? ORDER BY position DESC LIMIT ?)',
    ),
    loadCheckpoint: db.prepare(
      'SELECT name, position, head, format, image FROM checkpoints WHERE name = ? AND position <= ? ORDER BY position DESC LIMIT 1',
    ),
  }
}
