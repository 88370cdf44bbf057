import { asOf, InMemoryEventStore, ledgerProjection, manualClock, replay } from '@progress-ledger/core'
import { appendAll } from './measure/Anchor'
import { anchorRequests, ANCHOR_1M } from './workloads/Anchor'
const n = Number(process.argv[2])
const reqs = anchorRequests({ ...ANCHOR_1M, events: n })
const clock = manualClock('2022-01-01')
const store = new InMemoryEventStore({ clock })
appendAll(store, reqs, clock)
const events = store.readAllNow()
const state = replay(ledgerProjection, events)
const mid = events[n >> 1]!
const cuts = [{ recordedTime: mid.recordedTime }, { validTime: mid.validTime }, { position: mid.position }]
for (let i = 0; i < 40; i++) {
  const t = performance.now()
  asOf(state, cuts[i % 3]!)
  if (i > 35) console.log('asof', Object.keys(cuts[i % 3]!)[0], performance.now() - t)
}
