/**
 * Worker for the SIGKILL scenario of countingFailure.test.ts:
 *
 *   node --import ./src/cli/register.mjs test/int/helpers/workerBlockedPublish.ts <databaseUri> <articleId> <applicationName>
 *
 * Starts its own Payload on the database and publishes the article with the fault hook set to
 * block after the engine has counted: the hook prints "READY <id> <ledger rows>" and waits, with
 * the transaction open, until the test kills this process. The application name marks this
 * process's Postgres backends so the test can watch them disappear.
 */
import { faultInjectionPlugin, type FaultContext } from './faultInjection'
import { startPayloadOn } from './workerPayload'

const [databaseUri, articleId, applicationName] = process.argv.slice(2)
if (!databaseUri || !articleId || !applicationName) {
  process.stderr.write('usage: workerBlockedPublish.ts <databaseUri> <articleId> <applicationName>\n')
  process.exit(2)
}

const uri = new URL(databaseUri)
uri.searchParams.set('application_name', applicationName)
const { payload, uploadsDir } = await startPayloadOn(uri.toString(), {
  plugins: [faultInjectionPlugin({ databaseUri })],
})
// This process dies by SIGKILL and cannot clean up: the test removes the (empty) folder.
process.stdout.write(`UPLOADS ${uploadsDir}\n`)
await payload.update({
  collection: 'articles',
  id: Number(articleId),
  data: { _status: 'published' },
  context: { block: true } satisfies FaultContext,
})
// Reaching this line means nobody killed us: the test fails on the missing SIGKILL exit.
process.stdout.write('PUBLISHED\n')
process.exit(0)
