// Regenerates seeds/shengzhou/illustrative-history.json (ILLUSTRATIVE data, see the file's notice).
// Run: node --conditions=@progress-ledger/source --import tsx scripts/write-illustrative.ts
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateIllustrative, illustrativeText } from '../src/shengzhou/generate'
import { seedDir } from '../src/shengzhou/seeds'

const history = await generateIllustrative()
writeFileSync(join(seedDir, 'illustrative-history.json'), illustrativeText(history))
console.log(
  `wrote ${history.batches.length} illustrative batches, ${history.batches.reduce((n, b) => n + b.commands.length, 0)} commands`,
)
