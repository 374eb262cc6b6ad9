/**
 * Smoke test of the ready-to-run app, as a user runs it (`npm start`): the built app on the
 * embedded Postgres, over real HTTP. Run by .ci/run after the build:
 *
 *   node --import ./src/cli/register.mjs test/smoke/appSmoke.ts
 *
 * Checks: /admin answers in Vietnamese; a demo manager logs in and GET /api/plans returns the
 * seeded plan with its 12 tasks; RSS feeds (200 application/rss+xml, 304 on the ETag, an
 * infographic enclosure, 400/404, the feed address on the plan edit view); anonymous gets no
 * plans; SIGTERM stops the app and its Postgres; after a SIGKILL (orphaned Postgres) the next
 * start works.
 */
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import {
  ROOT,
  postgresPids,
  startApp as startAppOn,
  waitForExit,
  waitForReady as waitForApp,
} from '../helpers/appServer'
import { DEMO_ITEMS, DEMO_PACE_ITEMS } from '../../src/seed/planData'

/** The demo's drafts (never in a feed) and its published articles (all an anonymous reader gets). */
const DEMO_DRAFT_TITLES = DEMO_ITEMS.filter((i) => i.status === 'draft').map((i) => i.title)
const DEMO_PUBLISHED_ARTICLES = [...DEMO_ITEMS, ...DEMO_PACE_ITEMS].filter(
  (i) => i.collection === 'articles' && i.status === 'published',
).length

const port = Number(process.env.SMOKE_PORT ?? 3900)
const base = `http://127.0.0.1:${port}`
const results: Array<{ name: string; ok: boolean; detail?: string }> = []

function check(name: string, ok: boolean, detail?: string): void {
  results.push({ name, ok, detail })
  process.stdout.write(`${ok ? '✓' : '✗'} ${name}${detail && !ok ? ` — ${detail}` : ''}\n`)
}

function startApp(): ChildProcess {
  return startAppOn({ port, dataDir: path.join(ROOT, '.data') })
}

const waitForReady = (timeoutMs: number) => waitForApp(base, timeoutMs)

/** Postgres servers whose data dir is the app's. */
const appPostgresPids = () => postgresPids(path.join(ROOT, '.data', 'app'))

async function main(): Promise<void> {
  let app = startApp()
  check('app becomes ready (build done, embedded Postgres, first-start seed)', await waitForReady(180_000))

  const admin = await fetch(`${base}/admin/login`, { headers: { 'Accept-Language': 'en-US' } })
  const html = await admin.text()
  check('/admin/login answers 200', admin.status === 200, `status ${admin.status}`)
  check('the login page is Vietnamese by default', html.includes('Đăng nhập'))

  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@demo.gov.vn', password: 'demo-Password-2025' }),
  })
  const { token } = (await login.json()) as { token?: string }
  check('the demo manager can log in', login.status === 200 && Boolean(token), `status ${login.status}`)

  const plans = await fetch(`${base}/api/plans?depth=0&limit=10`, { headers: { Authorization: `JWT ${token}` } })
  const body = (await plans.json()) as { docs?: Array<{ id: number; code: string; tasks?: { docs?: unknown[] } }> }
  const plan = body.docs?.find((p) => p.code === 'KHTT-02/BKHCN-2025')
  check(
    'GET /api/plans returns the seeded plan to the manager',
    plans.status === 200 && Boolean(plan),
    `status ${plans.status}`,
  )
  check('the seeded plan has its 12 tasks', plan?.tasks?.docs?.length === 12, `got ${plan?.tasks?.docs?.length}`)

  const dashboard = await fetch(`${base}/admin/quota?asOf=2025-08-20`, {
    headers: { Cookie: `payload-token=${token}` },
  })
  const dashboardHtml = await dashboard.text()
  check('the quota dashboard answers 200 to the manager', dashboard.status === 200, `status ${dashboard.status}`)
  check(
    'the dashboard shows the seeded plan’s real number (task 1: 2 of 20 as of 20/8/2025)',
    /data-testid="task-1"[\s\S]*?data-testid="achieved">2<[\s\S]*?data-testid="target">20</.test(dashboardHtml),
  )
  const report = await fetch(`${base}/api/quota/report?plan=${plan?.id ?? ''}&asOf=2025-08-20`, {
    headers: { Authorization: `JWT ${token}` },
  })
  const reportBody = (await report.json()) as {
    tasks?: Array<{ code: string; targets: Array<{ achieved: number; target: number }> }>
  }
  check(
    'GET /api/quota/report gives the same number over HTTP',
    report.status === 200 && reportBody.tasks?.find((t) => t.code === '1')?.targets[0]?.achieved === 2,
    `status ${report.status}`,
  )

  const asManager = { headers: { Cookie: `payload-token=${token}` } }
  const task1 = (
    (await (
      await fetch(`${base}/api/tasks?where[plan][equals]=${plan?.id ?? ''}&where[code][equals]=1&depth=0`, {
        headers: { Authorization: `JWT ${token}` },
      })
    ).json()) as { docs?: Array<{ id: number }> }
  ).docs?.[0]
  const detail = await fetch(`${base}/api/quota/task?task=${task1?.id ?? ''}&asOf=2025-08-20`, {
    headers: { Authorization: `JWT ${token}` },
  })
  const detailBody = (await detail.json()) as { targets?: Array<{ items: Array<{ title: string }> }> }
  const titles = detailBody.targets?.[0]?.items.map((i) => i.title) ?? []
  check('GET /api/quota/task lists the 2 items counted for task 1', titles.length === 2, `got ${titles.join(' | ')}`)
  const drill = await (
    await fetch(`${base}/admin/quota?plan=${plan?.id ?? ''}&asOf=2025-08-20&task=${task1?.id ?? ''}`, asManager)
  ).text()
  check(
    'the dashboard drill-down shows the chart and the counted items by title',
    drill.includes('data-testid="cumulative-chart"') &&
      titles.length > 0 &&
      titles.every((t) => drill.includes(t.replace(/&/g, '&amp;'))),
  )
  const byUnit = await (
    await fetch(`${base}/admin/quota?plan=${plan?.id ?? ''}&asOf=2025-08-20&view=units`, asManager)
  ).text()
  check('the dashboard groups tasks by lead unit', byUnit.includes('data-testid="unit-rollup"'))
  const home = await (await fetch(`${base}/admin`, asManager)).text()
  check('the admin home shows the quota attention widget', home.includes('data-testid="quota-attention"'))
  const taskEdit = await (await fetch(`${base}/admin/collections/tasks/${task1?.id ?? ''}`, asManager)).text()
  check('a task’s edit view shows its attainment', taskEdit.includes('data-testid="task-attainment"'))
  const reviewQueue = await fetch(`${base}/admin/review`, asManager)
  const reviewHtml = await reviewQueue.text()
  check(
    'the review queue opens for the manager, with its filters',
    reviewQueue.status === 200 && reviewHtml.includes('Nội dung chờ duyệt') && reviewHtml.includes('name="task"'),
    `status ${reviewQueue.status}`,
  )

  const link = await fetch(`${base}/api/share-links`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      label: 'Smoke',
      plan: plan?.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }),
  })
  const linkDoc = ((await link.json()) as { doc?: { id: number; url: string } }).doc
  const sharePath = linkDoc?.url.slice(linkDoc.url.indexOf('/share/')) ?? '/share/none'
  const sharePage = await fetch(`${base}${sharePath}`)
  const shareHtml = await sharePage.text()
  check(
    'a share link opens the plan’s numbers without an account',
    link.status === 201 && sharePage.status === 200 && shareHtml.includes('data-testid="quota-totals"'),
    `create ${link.status}, page ${sharePage.status}`,
  )
  await fetch(`${base}/api/share-links/${linkDoc?.id ?? 0}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ revoked: true }),
  })
  const revokedHtml = await (await fetch(`${base}${sharePath}`)).text()
  check(
    'a revoked share link shows nothing but the notice',
    revokedHtml.includes('data-state="revoked"') && !revokedHtml.includes('quota-totals'),
  )

  // RSS feeds: public, readable URLs outside /api, served by the Next routes in src/app/(feeds).
  const rss = await fetch(`${base}/feeds/rss.xml`)
  const rssXml = await rss.text()
  check(
    'GET /feeds/rss.xml answers 200 application/rss+xml to anyone',
    rss.status === 200 && (rss.headers.get('content-type') ?? '').startsWith('application/rss+xml'),
    `status ${rss.status}, ${rss.headers.get('content-type')}`,
  )
  check(
    'the feed lists the published demo items and no drafts',
    rssXml.includes('Kết nối các hệ thống thủ tục hành chính') &&
      DEMO_DRAFT_TITLES.length > 0 &&
      DEMO_DRAFT_TITLES.every((title) => !rssXml.includes(title)),
  )
  const etag = rss.headers.get('etag')
  const notModified = await fetch(`${base}/feeds/rss.xml`, { headers: { 'If-None-Match': etag ?? '' } })
  check(
    'a conditional GET with the ETag answers 304',
    Boolean(etag) && notModified.status === 304,
    `etag ${etag}, status ${notModified.status}`,
  )
  const planFeed = await fetch(`${base}/feeds/plans/${plan?.id ?? 0}.xml?type=infographics`)
  const planFeedXml = await planFeed.text()
  check(
    'the plan feed of infographics has the demo infographic, with a web-sized PNG enclosure',
    planFeed.status === 200 &&
      planFeedXml.includes('Số liệu dịch vụ công trực tuyến 2025') &&
      /<enclosure url="http[^"]*\/api\/infographics\/file\/[^"]+-1280x\d+\.png" length="\d+" type="image\/png"\/>/.test(
        planFeedXml,
      ),
    `status ${planFeed.status}`,
  )
  const badFeed = await fetch(`${base}/feeds/rss.xml?limit=500`)
  check('a feed with a bad parameter answers 400', badFeed.status === 400, `status ${badFeed.status}`)
  const noFeed = await fetch(`${base}/feeds/plans/999999.xml`)
  check('the feed of an unknown plan answers 404', noFeed.status === 404, `status ${noFeed.status}`)
  const planEdit = await fetch(`${base}/admin/collections/plans/${plan?.id ?? 0}`, {
    headers: { Cookie: `payload-token=${token}` },
  })
  check(
    'the plan edit view shows its feed address',
    planEdit.status === 200 && (await planEdit.text()).includes(`/feeds/plans/${plan?.id ?? 0}-khtt-02-bkhcn-2025.xml`),
    `status ${planEdit.status}`,
  )

  const anon = await fetch(`${base}/api/plans`)
  check('anonymous users get no plans', anon.status === 403, `status ${anon.status}`)

  const publicArticles = (await (await fetch(`${base}/api/articles?depth=0&limit=50`)).json()) as {
    docs?: Array<{ _status: string }>
  }
  check(
    'anonymous users see the published demo articles and no drafts',
    publicArticles.docs?.length === DEMO_PUBLISHED_ARTICLES &&
      publicArticles.docs.every((d) => d._status === 'published'),
    `got ${publicArticles.docs?.map((d) => d._status).join(',')}`,
  )

  const staffLogin = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'multimedia@demo.gov.vn', password: 'demo-Password-2025' }),
  })
  const staffToken = ((await staffLogin.json()) as { token?: string }).token
  const uploadInfographic = async (bytes: Uint8Array, name: string, type: string) => {
    const form = new FormData()
    form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
    form.append('_payload', JSON.stringify({ title: 'Smoke', alt: 'Smoke test' }))
    return fetch(`${base}/api/infographics?draft=true`, {
      method: 'POST',
      headers: { Authorization: `JWT ${staffToken}` },
      body: form,
    })
  }
  const { default: sharp } = await import('sharp')
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 10, g: 90, b: 160 } } })
    .png()
    .toBuffer()
  const good = await uploadInfographic(new Uint8Array(png), 'smoke.png', 'image/png')
  check('a PNG infographic uploads over HTTP (201)', good.status === 201, `status ${good.status}`)
  const svg = new TextEncoder().encode(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  )
  const bad = await uploadInfographic(svg, 'chart.svg', 'image/svg+xml')
  check('an SVG with a script is refused over HTTP (400)', bad.status === 400, `status ${bad.status}`)

  app.kill('SIGTERM')
  const code = await waitForExit(app, 30_000)
  check('SIGTERM stops the app cleanly', code === 0, `exit ${code}`)
  check('stopping the app stops its Postgres', appPostgresPids().length === 0, `left: ${appPostgresPids().join(',')}`)

  app = startApp()
  check('the app starts again on the same data', await waitForReady(120_000))
  app.kill('SIGKILL')
  await waitForExit(app, 10_000)
  check('a SIGKILL leaves the Postgres orphaned (the case to recover from)', appPostgresPids().length > 0)

  app = startApp()
  check('after a SIGKILL the next start recovers and serves', await waitForReady(120_000))
  const again = await fetch(`${base}/admin/login`)
  check('/admin answers after recovery', again.status === 200, `status ${again.status}`)
  app.kill('SIGTERM')
  await waitForExit(app, 30_000)
  check('no Postgres left at the end', appPostgresPids().length === 0)

  const failed = results.filter((r) => !r.ok).length
  process.stdout.write(`\nsmoke: ${results.length - failed} passed, ${failed} failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
