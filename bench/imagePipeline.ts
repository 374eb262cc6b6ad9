/**
 * Image pipeline benchmark (benchmark issue: "a 6000×4000 JPEG through the infographic pipeline vs
 * plain sharp producing the same sizes; peak memory; time to reject a pixel bomb. Goal: ≤ 1.5×,
 * ≤ 512 MB, ≤ 100 ms").
 *
 *   node --import ./src/cli/register.mjs bench/imagePipeline.ts [--reps N]
 *
 * Writes bench/results/image-pipeline.json and the image-pipeline section of bench/RESULTS.md.
 * Timings are only ever compared as ratios within one run: the machines are shared and noisy, so
 * absolute milliseconds from different runs say little.
 *
 * Variants: `pipeline` (our hook check + Payload's own createImageSizes with the infographics'
 * upload config, the goal's subject), `plain` (hand-written sharp, the yardstick), `upload`
 * (pipeline + the original's re-encode that a real create also pays; informational, no goal) and
 * `photo` (the same JPEG with Media's config, whose focal point takes Payload's slower crop path;
 * informational). See bench/README.md.
 *
 * `--child <variant> --input <file>` is internal: the parent re-runs this file once per variant
 * so that each peak RSS is measured in a fresh process, not on top of the parent's heap.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { crc32 } from 'node:zlib'

import type { ImageSize } from 'payload'
import sharp from 'sharp'

// Internal to Payload (not in its exports map), hence the path import, as in
// test/unit/media.payload-resize.test.ts; a Payload upgrade that moves it breaks this loudly.
import { createImageSizes } from '../node_modules/payload/dist/uploads/image-resizing/createImageSizes.js'
import { imageUploadConfig, inspectImageUpload, resolveImageLimits, type ImageKind } from '../media'
import { stats, updateResultsSection, type Stats } from './lib'

type ResizeArgs = Parameters<typeof createImageSizes>[0]

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const REPO_DIR = path.dirname(BENCH_DIR)
const RESULTS_JSON = path.join(BENCH_DIR, 'results', 'image-pipeline.json')
const RESULTS_MD = path.join(BENCH_DIR, 'RESULTS.md')
const MARK_START = '<!-- image-pipeline:start -->'
const MARK_END = '<!-- image-pipeline:end -->'

const INPUT_WIDTH = 6000
const INPUT_HEIGHT = 4000
const INPUT_QUALITY = 85
const BOMB_SIDE = 30_000

const GOALS = { ratio: 1.5, peakRssMiB: 512, bombMs: 100 } as const

/** The product's defaults; the same object feeds the hook check and the upload config. */
const LIMITS = resolveImageLimits()
/** The infographic sizes, as declared (with the top anchoring of the cover crops). */
const GRAPHIC_SIZES: ImageSize[] = imageUploadConfig({ kind: 'graphic' }).imageSizes ?? []

// ---------------------------------------------------------------------------------------------
// Variants. Each takes the uploaded bytes and an empty directory to write the derivatives into,
// and returns what it produced so the variants can be checked to produce the same sizes.
// ---------------------------------------------------------------------------------------------

type Produced = Record<string, { width: number; height: number; format: string }>
type Variant = (input: Buffer, outDir: string) => Promise<Produced>

const VARIANT_NAMES = ['pipeline', 'plain', 'upload', 'photo'] as const
type VariantName = (typeof VARIANT_NAMES)[number]
/** `baseline` only loads this module and the input: the fixed cost under every child's peak RSS. */
type ChildName = VariantName | 'baseline'

/**
 * What a new infographic costs in the product: our `beforeOperation` header check, then the steps
 * Payload's generateFileData takes for the sizes of a `create` (payload/dist/uploads), calling
 * Payload's own createImageSizes for the sizes themselves.
 *
 * With `reencodeOriginal`, also the step generateFileData takes before the sizes whenever the
 * upload config has `constructorOptions` (ours does, for the pixel limit): the original is decoded,
 * auto-rotated and re-encoded in full, and written next to the sizes. generateFileData needs a
 * whole Payload request, so that step is reproduced here, call for call, rather than called.
 */
async function payloadCreate(
  input: Buffer,
  outDir: string,
  reencodeOriginal: boolean,
  kind: ImageKind,
): Promise<Produced> {
  const inspection = await inspectImageUpload({ data: input, name: 'Infographic 2025.jpg', size: input.length }, LIMITS)
  if (!inspection.ok) throw new Error(`benchmark input rejected: ${inspection.code}`)

  const upload = imageUploadConfig({ staticDir: outDir, limits: LIMITS, kind })
  const filesToSave: { path: string; buffer: Buffer }[] = []
  if (reencodeOriginal) {
    const original = sharp(input, { ...upload.constructorOptions }).rotate()
    await original.metadata()
    const { data } = await original.toBuffer({ resolveWithObject: true })
    filesToSave.push({ path: path.join(outDir, inspection.safeName), buffer: data })
  }
  // getImageSize: generateFileData reads the stored (pre-rotation) dimensions from sharp's header.
  const { width, height } = await sharp(input).metadata()
  const file = { data: input, mimetype: inspection.mime, name: inspection.safeName, size: input.length }
  const args = {
    config: { upload },
    dimensions: { width, height },
    file,
    // parseUploadEditsFromReqOrIncomingData sets 50/50 on every create of a collection with a
    // focal point (photos), which sends the cover sizes down createImageSizes' focal-point path;
    // generateFileData passes none where the collection has none (graphics: infographics).
    focalPoint: upload.focalPoint === false ? undefined : { x: 50, y: 50 },
    mimeType: inspection.mime,
    // generateFileData sets this, and createImageSizes keeps every derivative buffer in it.
    req: { payloadUploadSizes: {} },
    savedFilename: inspection.safeName,
    sharp,
    staticPath: outDir,
    withMetadata: upload.withMetadata,
  } as unknown as ResizeArgs
  const { sizeData, sizesToSave } = await createImageSizes(args)
  for (const entry of sizesToSave) {
    if (!('buffer' in entry)) throw new Error(`unexpected sourcePath entry for ${entry.path}`)
    filesToSave.push({ path: entry.path, buffer: entry.buffer })
  }

  // uploadFiles → saveBufferToFile: fs.writeFile of every buffer, all at once, after all encoding.
  await Promise.all(filesToSave.map((entry) => writeFile(entry.path, entry.buffer)))

  const produced: Produced = {}
  for (const [name, size] of Object.entries(sizeData)) {
    if (size.width === null || size.height === null || size.mimeType === null) continue
    produced[name] = { width: size.width, height: size.height, format: formatOfMime(size.mimeType) }
  }
  return produced
}

/** The infographics collection's own upload config (`kind: 'graphic'`). */
const pipeline: Variant = (input, outDir) => payloadCreate(input, outDir, false, 'graphic')
const upload: Variant = (input, outDir) => payloadCreate(input, outDir, true, 'graphic')
/** The same JPEG as a photo in Media (focal point on): informational, no goal. */
const photo: Variant = (input, outDir) => payloadCreate(input, outDir, false, 'photo')

/**
 * The baseline a hand-written implementation would be: one sharp pipeline per declared size with
 * the same resize and format options, run concurrently as Payload does, streaming to disk.
 * `rotate()` stays because a correct implementation must honour EXIF orientation too.
 */
const plain: Variant = async (input, outDir) => {
  const produced: Produced = {}
  await Promise.all(
    GRAPHIC_SIZES.map(async (size: ImageSize) => {
      let image = sharp(input)
        .rotate()
        .resize({
          ...(size.width !== undefined ? { width: size.width } : {}),
          ...(size.height !== undefined ? { height: size.height } : {}),
          ...(size.fit !== undefined ? { fit: size.fit } : {}),
          ...(size.position !== undefined ? { position: size.position } : {}),
          ...(size.withoutEnlargement !== undefined ? { withoutEnlargement: size.withoutEnlargement } : {}),
        })
      if (size.formatOptions) image = image.toFormat(size.formatOptions.format, size.formatOptions.options)
      // No known extension on purpose: sharp would pick the format from it. Without one it keeps
      // the input's format unless toFormat chose another, which is what Payload's toBuffer does.
      const info = await image.toFile(path.join(outDir, `${size.name}.out`))
      produced[size.name] = { width: info.width, height: info.height, format: info.format }
    }),
  )
  return produced
}

const VARIANTS: Record<VariantName, Variant> = { pipeline, plain, upload, photo }

/** `Produced` fills in whatever order the concurrent encodes finish; reports read better stable. */
function inDeclarationOrder(produced: Produced): Produced {
  const ordered: Produced = {}
  for (const { name } of GRAPHIC_SIZES) {
    const size = produced[name]
    if (size) ordered[name] = size
  }
  return ordered
}

function formatOfMime(mime: string): string {
  return mime.replace(/^image\//, '')
}

// ---------------------------------------------------------------------------------------------
// Inputs, generated so the benchmark needs no fixtures and is the same on every machine.
// ---------------------------------------------------------------------------------------------

/**
 * A deterministic 6000 × 4000 JPEG at quality 85. Smooth colour fields plus patches of strong and
 * weak noise: a flat image would compress to almost nothing and decode unrealistically fast,
 * pure noise would exceed the 20 MB upload limit. Lands near 7–8 MB, like a 24 MP photo.
 */
async function makeLargeJpeg(): Promise<Buffer> {
  const w = INPUT_WIDTH
  const h = INPUT_HEIGHT
  // Clamped, so that noise pushed past 0 or 255 saturates instead of wrapping into speckles.
  const px = new Uint8ClampedArray(w * h * 3)
  const waveX = Float64Array.from({ length: w }, (_, x) => Math.sin(x / 230))
  const waveY = Float64Array.from({ length: h }, (_, y) => Math.sin(y / 170))
  let seed = 0x9e3779b9
  let i = 0
  for (let y = 0; y < h; y++) {
    const wy = waveY[y] ?? 0
    const tintY = (y * 60) / h - 30
    for (let x = 0; x < w; x++) {
      // xorshift32: fast and seedable, unlike Math.random.
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      const amplitude = ((x >> 9) + (y >> 9)) % 3 === 0 ? 0.45 : 0.15
      const noise = ((seed & 0xff) - 128) * amplitude
      const base = 128 + 60 * (waveX[x] ?? 0) * wy
      px[i++] = base + noise + (x * 60) / w
      px[i++] = base + noise * 0.8 + tintY
      px[i++] = 255 - base + noise * 0.6
    }
  }
  return sharp(Buffer.from(px.buffer), { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: INPUT_QUALITY })
    .toBuffer()
}

/**
 * A valid 8 × 8 PNG whose IHDR is rewritten to declare 30000 × 30000 (900 MP), CRC fixed, as in
 * test/unit/media.test.ts: tiny on disk, ~3.4 GB if anything tried to decode it.
 */
async function makePixelBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#246' } })
      .png()
      .toBuffer(),
  )
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('sharp wrote a PNG without a leading IHDR')
  png.writeUInt32BE(BOMB_SIDE, 16)
  png.writeUInt32BE(BOMB_SIDE, 20)
  // The CRC covers chunk type + data, bytes 12..29; without it the header is rejected as corrupt
  // and the benchmark would time the wrong rejection.
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29)
  return png
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

async function timeOnce(
  variant: Variant,
  input: Buffer,
  scratch: string,
  label: string,
): Promise<{ ms: number; produced: Produced }> {
  const outDir = await mkdtemp(path.join(scratch, `${label}-`))
  const start = performance.now()
  const produced = await variant(input, outDir)
  const ms = performance.now() - start
  // Outside the timed region: deleting files is part of no variant.
  await rm(outDir, { recursive: true, force: true })
  return { ms, produced }
}

/** Throws unless every variant produced the same set of sizes, dimensions and formats. */
function assertSameOutputs(produced: Record<VariantName, Produced>): void {
  const describe = (p: Produced): string =>
    Object.keys(p)
      .sort()
      .map((name) => `${name}:${p[name]?.width}x${p[name]?.height}/${p[name]?.format}`)
      .join(' ')
  const described = VARIANT_NAMES.map((name) => `${name}: ${describe(produced[name])}`)
  if (new Set(VARIANT_NAMES.map((name) => describe(produced[name]))).size !== 1) {
    throw new Error(`variants disagree, the comparison would be meaningless:\n  ${described.join('\n  ')}`)
  }
}

type ChildResult = {
  variant: ChildName
  /** The child's own high-water mark; see peakRssKiB. */
  peakRssKiB: number
  peakRssSource: 'VmHWM' | 'maxRSS'
  /** `process.resourceUsage().maxRSS`, kept in the raw results to show why it is not used. */
  maxRssKiB: number
  ms: number
}

function runChild(variant: ChildName, inputPath: string): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './src/cli/register.mjs', script, '--child', variant, '--input', inputPath],
      {
        cwd: REPO_DIR,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0) return reject(new Error(`child ${variant} exited with ${code}: ${out}`))
      try {
        resolve(JSON.parse(last) as ChildResult)
      } catch {
        reject(new Error(`child ${variant} printed no result: ${out}`))
      }
    })
  })
}

async function childMain(variant: string, inputPath: string): Promise<void> {
  if (variant !== 'baseline' && !(VARIANT_NAMES as readonly string[]).includes(variant)) {
    throw new Error(`unknown variant ${variant}`)
  }
  const input = await readFile(inputPath)
  let ms = 0
  if (variant !== 'baseline') {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-image-child-'))
    try {
      ms = (await timeOnce(VARIANTS[variant as VariantName], input, scratch, variant)).ms
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }
  const maxRssKiB = process.resourceUsage().maxRSS
  const hwm = await ownPeakRssKiB()
  const result: ChildResult = {
    variant: variant as ChildName,
    peakRssKiB: hwm ?? maxRssKiB,
    peakRssSource: hwm === undefined ? 'maxRSS' : 'VmHWM',
    maxRssKiB,
    ms,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

/**
 * Linux carries getrusage's ru_maxrss across fork + exec (the kernel folds the forked copy of the
 * parent's address space into it at exec), so a child's `resourceUsage().maxRSS` is at least the
 * parent's RSS at spawn time: ~400 MiB here after generating the input, even for a child that does
 * nothing. VmHWM belongs to the child's own address space, which exec creates fresh. Elsewhere
 * there is no VmHWM and maxRSS is the best available (and may overstate the same way).
 */
async function ownPeakRssKiB(): Promise<number | undefined> {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(await readFile('/proc/self/status', 'utf8'))
    return match?.[1] === undefined ? undefined : Number(match[1])
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

async function machineInfo(): Promise<Record<string, string | number>> {
  const payloadPkg = JSON.parse(
    await readFile(path.join(REPO_DIR, 'node_modules', 'payload', 'package.json'), 'utf8'),
  ) as {
    version: string
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sharp: sharp.versions.sharp ?? 'unknown',
    libvips: sharp.versions.vips,
    // Both shape the timings: sharp defaults to 1 thread per image on glibc without jemalloc.
    sharpConcurrency: sharp.concurrency(),
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    payload: payloadPkg.version,
  }
}

const fmtMs = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0))
const fmtMiB = (kib: number): string => (kib / 1024).toFixed(0)
const yesNo = (ok: boolean): string => (ok ? '**yes**' : '**no**')

/** Both ratios of medians and, because reps are adjacent in time, the spread of per-rep ratios. */
type Ratio = { ofMedians: number; pairedMedian: number; pairedMin: number; pairedMax: number }

function ratioOf(numerator: number[], denominator: number[]): Ratio {
  const paired = stats(numerator.map((ms, i) => ms / (denominator[i] ?? NaN)))
  return {
    ofMedians: stats(numerator).median / stats(denominator).median,
    pairedMedian: paired.median,
    pairedMin: paired.min,
    pairedMax: paired.max,
  }
}

type Report = {
  date: string
  reps: number
  machine: Record<string, string | number>
  input: { width: number; height: number; quality: number; bytes: number }
  bomb: { width: number; height: number; bytes: number }
  sizes: Produced
  timings: Record<VariantName, Stats>
  ratios: { pipelineToPlain: Ratio; uploadToPlain: Ratio; photoToPlain: Ratio }
  peakRssKiB: Record<ChildName, number>
  children: Record<ChildName, ChildResult>
  bombRejection: Stats & { code: string | null }
  goals: { ratio: boolean; peakRss: boolean; bomb: boolean }
}

const VARIANT_LABELS: Record<VariantName, string> = {
  pipeline:
    "**pipeline** (infographics, `kind: 'graphic'`): `inspectImageUpload` + Payload `createImageSizes` (no focal point; cover crops anchored to the top) + write",
  plain: '**plain sharp**: one `sharp().rotate().resize().toFile()` per size, concurrently',
  upload: 'upload (informational): pipeline + the re-encode of the original that `constructorOptions` triggers',
  photo:
    "photo (informational: Media, `kind: 'photo'`): the same, with Payload's focal point 50/50 as on create (its focal-point crop path)",
}

function renderMarkdown(r: Report): string {
  const m = r.machine
  const sizeList = Object.entries(r.sizes)
    .map(([name, s]) => `${name} ${s.width}×${s.height} ${s.format}`)
    .join(', ')
  const row = (name: VariantName): string => {
    const s = r.timings[name]
    return `| ${VARIANT_LABELS[name]} | ${fmtMs(s.median)} | ${fmtMs(s.min)} | ${fmtMs(s.max)} | ${fmtMiB(r.peakRssKiB[name])} |`
  }
  const ratioText = (x: Ratio): string =>
    `**${x.ofMedians.toFixed(2)}×** of medians; per repetition ${x.pairedMin.toFixed(2)}×–${x.pairedMax.toFixed(2)}× ` +
    `(median ${x.pairedMedian.toFixed(2)}×)`
  const rssSource = r.children.pipeline.peakRssSource === 'VmHWM' ? '`VmHWM`' : '`process.resourceUsage().maxRSS`'
  return [
    MARK_START,
    '## Image pipeline',
    '',
    `Run ${r.date}, \`npm run bench:image -- --reps ${r.reps}\`: one warm-up, then ${r.reps} repetitions with the variants ` +
      'in rotating order.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.totalMemoryGiB} GiB RAM, ${m.os}; Node ${m.node}; sharp ${m.sharp} ` +
      `(libvips ${m.libvips}, sharp concurrency ${m.sharpConcurrency}, UV_THREADPOOL_SIZE ${m.uvThreadpoolSize}); Payload ${m.payload}.`,
    '',
    `Input: generated ${r.input.width}×${r.input.height} JPEG, quality ${r.input.quality}, ` +
      `${(r.input.bytes / 1024 ** 2).toFixed(1)} MiB. All variants produce the same ${Object.keys(r.sizes).length} sizes ` +
      `(checked on every run): ${sizeList}.`,
    '',
    '| variant | median ms | min ms | max ms | peak RSS MiB |',
    '|---|---:|---:|---:|---:|',
    ...VARIANT_NAMES.map(row),
    `| baseline: Node + tsx + imports + input, no work | – | – | – | ${fmtMiB(r.peakRssKiB.baseline)} |`,
    '',
    `Peak RSS: ${rssSource} of a fresh child process running the variant once, cold. ` +
      "(`resourceUsage().maxRSS` is not used on Linux: there it includes the parent's RSS at spawn; see README.)",
    '',
    `- pipeline / plain sharp: ${ratioText(r.ratios.pipelineToPlain)}`,
    `- upload / plain sharp: ${ratioText(r.ratios.uploadToPlain)}`,
    `- photo / plain sharp: ${ratioText(r.ratios.photoToPlain)}`,
    '',
    `Pixel bomb (${r.bomb.width}×${r.bomb.height} PNG header, ${r.bomb.bytes} bytes): \`inspectImageUpload\` returned ` +
      `\`${r.bombRejection.code ?? 'ok (accepted!)'}\`, median ${fmtMs(r.bombRejection.median)} ms ` +
      `(min ${fmtMs(r.bombRejection.min)}, max ${fmtMs(r.bombRejection.max)}, ${r.bombRejection.samples.length} runs).`,
    '',
    '| goal | target | measured | met |',
    '|---|---|---|---|',
    `| pipeline vs plain sharp | ≤ ${GOALS.ratio}× | ${r.ratios.pipelineToPlain.ofMedians.toFixed(2)}× | ${yesNo(r.goals.ratio)} |`,
    `| peak memory, pipeline | ≤ ${GOALS.peakRssMiB} MiB | ${fmtMiB(r.peakRssKiB.pipeline)} MiB | ${yesNo(r.goals.peakRss)} |`,
    `| pixel bomb rejected | ≤ ${GOALS.bombMs} ms, \`too-many-pixels\` | ${fmtMs(r.bombRejection.median)} ms, ` +
      `\`${r.bombRejection.code ?? 'accepted'}\` | ${yesNo(r.goals.bomb)} |`,
    '',
    'Raw numbers: `bench/results/image-pipeline.json`.',
    MARK_END,
  ].join('\n')
}

/** Replaces only our section, so other benchmarks' sections in the same file survive. */
async function updateResultsMarkdown(section: string): Promise<void> {
  await updateResultsSection('image-pipeline', section.replace(MARK_START, '').replace(MARK_END, ''))
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { reps: { type: 'string' }, child: { type: 'string' }, input: { type: 'string' } },
  })
  if (values.child !== undefined) {
    if (values.input === undefined) throw new Error('--child needs --input')
    return childMain(values.child, values.input)
  }
  const reps = Number(values.reps ?? 5)
  if (!Number.isSafeInteger(reps) || reps < 1) throw new Error(`--reps must be a positive integer, got ${values.reps}`)

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-image-'))
  try {
    console.log(`generating ${INPUT_WIDTH}×${INPUT_HEIGHT} JPEG and ${BOMB_SIDE}×${BOMB_SIDE} pixel bomb…`)
    const input = await makeLargeJpeg()
    const bomb = await makePixelBomb()
    const inputPath = path.join(scratch, 'input.jpg')
    await writeFile(inputPath, input)
    console.log(`input ${(input.length / 1024 ** 2).toFixed(1)} MiB, bomb ${bomb.length} bytes`)

    // Warm-up: loads libvips and the code paths, and checks the comparison is like for like.
    const warm = {} as Record<VariantName, Produced>
    for (const name of VARIANT_NAMES) {
      const { ms, produced } = await timeOnce(VARIANTS[name], input, scratch, name)
      warm[name] = produced
      console.log(`warm-up ${name}: ${fmtMs(ms)} ms`)
    }
    assertSameOutputs(warm)

    const samples: Record<VariantName, number[]> = { pipeline: [], plain: [], upload: [], photo: [] }
    for (let rep = 0; rep < reps; rep++) {
      // Rotate the order so no variant always runs first, or always inherits another's GC debt.
      const order = VARIANT_NAMES.map((_, i) => VARIANT_NAMES[(i + rep) % VARIANT_NAMES.length] ?? 'plain')
      for (const name of order) samples[name].push((await timeOnce(VARIANTS[name], input, scratch, name)).ms)
      console.log(
        `rep ${rep + 1}/${reps}: ` +
          VARIANT_NAMES.map((name) => `${name} ${fmtMs(samples[name][rep] ?? NaN)} ms`).join(', '),
      )
    }
    const timings = {
      pipeline: stats(samples.pipeline),
      plain: stats(samples.plain),
      upload: stats(samples.upload),
      photo: stats(samples.photo),
    }
    const ratios = {
      pipelineToPlain: ratioOf(samples.pipeline, samples.plain),
      uploadToPlain: ratioOf(samples.upload, samples.plain),
      photoToPlain: ratioOf(samples.photo, samples.plain),
    }

    // Bomb: warm once, then time the whole hook check as the upload hook calls it.
    await inspectImageUpload({ data: bomb, name: 'bomb.png', size: bomb.length }, LIMITS)
    const bombSamples: number[] = []
    let bombCode: string | null = null
    for (let rep = 0; rep < reps; rep++) {
      const start = performance.now()
      const result = await inspectImageUpload({ data: bomb, name: 'bomb.png', size: bomb.length }, LIMITS)
      bombSamples.push(performance.now() - start)
      bombCode = result.ok ? null : result.code
      if (bombCode !== 'too-many-pixels') break
    }
    const bombStats = stats(bombSamples)
    console.log(`pixel bomb: ${bombCode ?? 'ACCEPTED'} in median ${fmtMs(bombStats.median)} ms`)

    // Sequential, so the children never compete with each other or with the timing loop above.
    const children = {} as Record<ChildName, ChildResult>
    for (const name of ['baseline', ...VARIANT_NAMES] as const) {
      const result = await runChild(name, inputPath)
      children[name] = result
      console.log(
        `peak RSS ${name}: ${fmtMiB(result.peakRssKiB)} MiB (${result.peakRssSource}; ` +
          `resourceUsage().maxRSS ${fmtMiB(result.maxRssKiB)} MiB)${name === 'baseline' ? '' : `, ${fmtMs(result.ms)} ms cold`}`,
      )
    }
    const peakRssKiB = {
      baseline: children.baseline.peakRssKiB,
      pipeline: children.pipeline.peakRssKiB,
      plain: children.plain.peakRssKiB,
      upload: children.upload.peakRssKiB,
      photo: children.photo.peakRssKiB,
    }

    const report: Report = {
      date: new Date().toISOString(),
      reps,
      machine: await machineInfo(),
      input: { width: INPUT_WIDTH, height: INPUT_HEIGHT, quality: INPUT_QUALITY, bytes: input.length },
      bomb: { width: BOMB_SIDE, height: BOMB_SIDE, bytes: bomb.length },
      sizes: inDeclarationOrder(warm.plain),
      timings,
      ratios,
      peakRssKiB,
      children,
      bombRejection: { ...bombStats, code: bombCode },
      goals: {
        ratio: ratios.pipelineToPlain.ofMedians <= GOALS.ratio,
        peakRss: peakRssKiB.pipeline / 1024 <= GOALS.peakRssMiB,
        bomb: bombCode === 'too-many-pixels' && bombStats.median <= GOALS.bombMs,
      },
    }

    await mkdir(path.dirname(RESULTS_JSON), { recursive: true })
    await writeFile(RESULTS_JSON, `${JSON.stringify(report, null, 2)}\n`)
    await updateResultsMarkdown(renderMarkdown(report))

    const met = (ok: boolean): string => (ok ? 'met' : 'NOT met')
    console.log(
      `\npipeline ${fmtMs(timings.pipeline.median)} ms vs plain ${fmtMs(timings.plain.median)} ms (medians): ` +
        `${ratios.pipelineToPlain.ofMedians.toFixed(2)}× (goal ≤ ${GOALS.ratio}×: ${met(report.goals.ratio)}); ` +
        `upload ${fmtMs(timings.upload.median)} ms: ${ratios.uploadToPlain.ofMedians.toFixed(2)}×`,
    )
    console.log(
      `peak RSS pipeline ${fmtMiB(peakRssKiB.pipeline)} MiB (goal ≤ ${GOALS.peakRssMiB} MiB: ${met(report.goals.peakRss)}), ` +
        `plain ${fmtMiB(peakRssKiB.plain)}, upload ${fmtMiB(peakRssKiB.upload)}, baseline ${fmtMiB(peakRssKiB.baseline)} MiB`,
    )
    console.log(`pixel bomb ${fmtMs(bombStats.median)} ms (goal ≤ ${GOALS.bombMs} ms: ${met(report.goals.bomb)})`)
    console.log(`wrote ${path.relative(REPO_DIR, RESULTS_JSON)} and ${path.relative(REPO_DIR, RESULTS_MD)}`)
    // A bomb that gets through is a broken gate, not a slow one.
    if (bombCode !== 'too-many-pixels') process.exitCode = 1
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

await main()
