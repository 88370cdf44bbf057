// One store object, one connection: while a streamed append or an import holds the connection's
// transaction open across awaits, every other operation of the same store object waits its turn
// (FIFO), so none can run inside that transaction or block the event loop on SQLite's lock.

/** Serialises long sessions against the store's other operations. */
export class Gate {
  private tail: Promise<unknown> = Promise.resolve()
  private pending = 0

  /** True when no session runs or waits: operations may run at once. */
  get open(): boolean {
    return this.pending === 0
  }

  /** Runs `op` after everything queued before it. */
  run<A>(op: () => Promise<A> | A): Promise<A> {
    this.pending++
    const result = this.tail.then(op)
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result.finally(() => {
      this.pending--
    })
  }
}
