import { describe, expect, it } from 'vitest'
import { readReplicaUris, s3Settings } from '../../src/config/env'
import { healthAnswer, pendingMigrations } from '../../src/domain/health'

const full = {
  S3_BUCKET: 'bo-kh-cn',
  S3_REGION: 'ap-southeast-1',
  S3_ENDPOINT: 'https://s3.example.vn',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'AKIA',
  S3_SECRET_ACCESS_KEY: 'secret',
}

describe('s3Settings', () => {
  it('is null (local disk) when nothing is set', () => {
    expect(s3Settings({})).toBeNull()
  })

  it('reads a complete configuration', () => {
    expect(s3Settings(full)).toEqual({
      bucket: 'bo-kh-cn',
      region: 'ap-southeast-1',
      endpoint: 'https://s3.example.vn',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
    })
  })

  it('leaves credentials to the SDK chain (instance role) when neither key is set', () => {
    const { S3_ACCESS_KEY_ID: _a, S3_SECRET_ACCESS_KEY: _s, S3_ENDPOINT: _e, S3_FORCE_PATH_STYLE: _f, ...aws } = full
    expect(s3Settings(aws)).toMatchObject({ credentials: undefined, endpoint: undefined, forcePathStyle: false })
  })

  it.each([
    [{ ...full, S3_BUCKET: '' }, /S3_BUCKET is not set, but S3_REGION, S3_ENDPOINT/],
    [{ S3_REGION: 'x' }, /S3_BUCKET is not set, but S3_REGION is/],
    [{ ...full, S3_REGION: ' ' }, /S3_REGION is required/],
    [{ ...full, S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET "Bad_Bucket" is not a bucket name/],
    [{ ...full, S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ ...full, S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be "true" or "false"/],
    [{ ...full, S3_SECRET_ACCESS_KEY: undefined }, /S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID/],
    [{ ...full, S3_ACCESS_KEY_ID: undefined }, /S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY/],
  ])('refuses a half-written configuration, naming the variable (%#)', (env, message) => {
    expect(() => s3Settings(env)).toThrow(message)
  })
})

describe('readReplicaUris', () => {
  it('is undefined when unset and a list otherwise', () => {
    expect(readReplicaUris({})).toBeUndefined()
    expect(readReplicaUris({ DATABASE_READ_REPLICA_URIS: 'postgres://a/x, postgresql://b/x' })).toEqual([
      'postgres://a/x',
      'postgresql://b/x',
    ])
  })

  it('refuses anything but postgres URIs', () => {
    expect(() => readReplicaUris({ DATABASE_READ_REPLICA_URIS: 'postgres://a/x,mysql://b/x' })).toThrow(
      /DATABASE_READ_REPLICA_URIS .* "mysql:\/\/b\/x" is not one/,
    )
  })
})

describe('healthAnswer', () => {
  const ok = { ok: true as const }
  it('is 200 only when every check passes', () => {
    const pool = { ok: true as const, detail: '1/10 busy, 2 idle, 0 waiting' }
    expect(healthAnswer({ database: ok, pool, migrations: { ok: true, detail: '9 applied' }, storage: ok })).toEqual({
      status: 200,
      body: {
        status: 'ok',
        failed: [],
        database: 'ok',
        pool: 'ok (1/10 busy, 2 idle, 0 waiting)',
        migrations: 'ok (9 applied)',
        storage: 'ok',
      },
    })
  })

  it('is 503 naming each failed check', () => {
    const answer = healthAnswer({
      database: ok,
      pool: ok,
      migrations: { ok: false, problem: '1 pending (x)' },
      storage: { ok: false, problem: 'the bucket is not writable' },
    })
    expect(answer.status).toBe(503)
    expect(answer.body).toMatchObject({
      status: 'fail',
      failed: ['migrations', 'storage'],
      migrations: 'fail: 1 pending (x)',
    })
  })

  it('lists the expected migrations not yet applied, in order', () => {
    expect(pendingMigrations(['a', 'b', 'c'], ['a', 'zz'])).toEqual(['b', 'c'])
    expect(pendingMigrations(['a'], ['a'])).toEqual([])
  })
})
