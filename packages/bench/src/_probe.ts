import { runAnchorSuite } from './measure/Anchor'
import { ANCHOR_1M } from './workloads/Anchor'
const n = Number(process.argv[2])
const t = performance.now()
console.log(runAnchorSuite({ size: { ...ANCHOR_1M, events: n }, spreadEvents: 5000, incrementalEvents: 200, snapshot: process.argv[3] === 'snap' }))
console.log('total', performance.now() - t)
