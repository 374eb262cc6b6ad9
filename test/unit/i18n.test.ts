import { initI18n, t as payloadT, type I18n } from '@payloadcms/translations'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { vi as payloadVi } from '@payloadcms/translations/languages/vi'
import type { Config, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/domain/i18n/en'
import { formatImportMessage, formatMessage, importMessageKey } from '../../src/domain/i18n/messages'
import { inBoth, interpolate, translate, type CatalogKey } from '../../src/domain/i18n/translate'
import { vi } from '../../src/domain/i18n/vi'
import {
  BodyError,
  readForm,
  readJson,
  readJsonObject,
  refuse,
  refuseBody,
  refuseNonImporter,
  refuseUnlessManager,
  refuseWith,
} from '../../src/plugin/endpoints/http'
import { commsQuotaPlugin } from '../../src/plugin'
import { I18N_NAMESPACE, pickLanguage, t, translations, withTranslations } from '../../src/plugin/i18n'

const KEYS = Object.keys(vi) as CatalogKey[]
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
/** Values for every placeholder a key uses in either language. */
const varsOf = (key: CatalogKey) =>
  Object.fromEntries([...placeholders(vi[key]), ...placeholders(en[key])].map((name) => [name, `<${name}>`]))

/** Payload's own i18n, built from a config that has our translations merged in. */
const payloadI18n = (language: 'vi' | 'en') =>
  initI18n({
    config: {
      supportedLanguages: { vi: payloadVi, en: payloadEn },
      fallbackLanguage: 'vi',
      translations: withTranslations(undefined) as never,
    },
    context: 'api',
    language,
  }) as Promise<I18n>

describe('the catalog', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual([...KEYS].sort())
    for (const key of KEYS) {
      expect(vi[key].trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
    }
  })

  it('uses the same placeholders in both languages', () => {
    // The parser notes are the one deliberate difference: Vietnamese names the kind and quotes the
    // line or gives the numbers, English shows the parser's own English message.
    const different = new Set<CatalogKey>([
      'importNoteParser',
      'importNoteParserLabel',
      'importNoteParserRows',
      'importNoteParserMore',
    ])
    for (const key of KEYS) if (!different.has(key)) expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]))
  })

  it('uses Payload placeholders only, and keys Payload can address', () => {
    for (const key of KEYS) {
      // A `{name}` left from the old formatter would show as is.
      for (const text of [vi[key], en[key]]) expect(text.replace(/\{\{\s*\w+\s*\}\}/g, ''), key).not.toMatch(/\{\w+\}/)
      // Payload splits keys on ":" and reads `_one`/`_other`… suffixes as plural forms.
      expect(key).not.toMatch(/:|_(zero|one|two|few|many|other)$/)
    }
  })

  it('names every import message with the import prefix', () => {
    expect(importMessageKey('required')).toBe('importRequired')
    expect(importMessageKey('noteParser')).toBe('importNoteParser')
  })
})

describe('translate (no request) and interpolation', () => {
  it('fills placeholders, leaves unknown ones, trims names like Payload', () => {
    expect(translate('en', 'windowAfterDeadline', { start: '2025-09-01', deadline: '2025-08-30' })).toBe(
      'The window start (2025-09-01) is after the task deadline (2025-08-30).',
    )
    expect(translate('vi', 'invalidDayMonth', { day: 31, month: 2 })).toBe('Ngày 31/2 không tồn tại.')
    expect(translate('en', 'invalidDayMonth', { day: 31 })).toBe('Day 31/{{month}} does not exist.')
    expect(interpolate('a {{ x }} b {{y}}', { x: 1 })).toBe('a 1 b {{y}}')
    // A value is inserted as is, never read as a placeholder or a replacement pattern.
    expect(interpolate('{{a}}', { a: '{{b}} $& $1' })).toBe('{{b}} $& $1')
  })

  it('falls back to Vietnamese for any other language, or none', () => {
    expect(translate(undefined, 'required')).toBe(vi.required)
    expect(translate('fr', 'required')).toBe(vi.required)
    expect(translate('en', 'required')).toBe(en.required)
  })

  it('formats the domain references (Problem, ImportMessage) through the same catalog', () => {
    expect(formatMessage({ key: 'duplicateTaskCode', vars: { code: '3' } }, 'en')).toBe(
      'This plan already has a task with code "3".',
    )
    expect(formatImportMessage({ key: 'tooLong', vars: { max: 100 } }, 'vi')).toBe('dài quá 100 ký tự.')
    expect(formatImportMessage({ key: 'tooLong', vars: { max: 100 } }, 'en')).toBe('is longer than 100 characters.')
  })

  it('gives both languages at once, with values per language when they differ', () => {
    expect(inBoth('uploadTooLarge', (lang) => ({ size: lang === 'vi' ? '25,3 MB' : '25.3 MB', max: '20 MB' }))).toEqual(
      {
        vi: 'Tệp có dung lượng 25,3 MB, vượt quá giới hạn 20 MB.',
        en: 'The file is 25.3 MB, which exceeds the 20 MB limit.',
      },
    )
  })

  it('reads every message exactly as Payload’s own t does', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const key of KEYS) {
        const vars = varsOf(key)
        const payload = payloadT({ key: `${I18N_NAMESPACE}:${key}`, translations: translations[lang], vars })
        expect(translate(lang, key, vars), `${lang} ${key}`).toBe(payload)
      }
    }
  })
})

describe('t (with a request) and the config merge', () => {
  it('goes through Payload’s i18n when our translations are in it', async () => {
    const i18n = await payloadI18n('en')
    expect(t({ i18n }, 'reviewReasonTooLong', { max: 2000 })).toBe('The reason is longer than 2000 characters.')
    // A host's wording of our key, set in its config, is what Payload (and so t) answers.
    const custom = { ...i18n, t: (key: string) => (key === 'commsQuota:loginFailed' ? 'custom' : key) }
    expect(t({ i18n: custom }, 'loginFailed')).toBe('custom')
    expect(t({ i18n: await payloadI18n('vi') }, 'loginFailed')).toBe(vi.loginFailed)
  })

  it('reads the catalog when there is no i18n, or one built without our translations', () => {
    expect(t(undefined, 'required')).toBe(vi.required)
    expect(t({ i18n: { language: 'en' } }, 'required')).toBe(en.required)
    expect(t({ i18n: { language: 'en', t: (k: string) => k, translations: {} } }, 'required')).toBe(en.required)
    expect(pickLanguage({ i18n: { language: 'en' } }, { vi: 'a', en: 'b' })).toBe('b')
    expect(pickLanguage(undefined, { vi: 'a', en: 'b' })).toBe('a')
  })

  it('is registered by the plugin in config.i18n.translations, next to the host’s i18n settings', async () => {
    const host = {
      collections: [{ slug: 'users', auth: true, fields: [] }],
      secret: 'x',
      i18n: { fallbackLanguage: 'vi', translations: { en: { general: { hostKey: 'Host' } } } },
    } as unknown as Config
    const out = await commsQuotaPlugin()(host)
    expect(out.i18n?.fallbackLanguage).toBe('vi')
    expect(out.i18n?.translations?.en).toMatchObject({
      general: { hostKey: 'Host' },
      commsQuota: { required: en.required },
    })
    expect(out.i18n?.translations?.vi).toMatchObject({ commsQuota: { required: vi.required } })
  })

  it('adds the namespace to the host config and keeps what the host has', () => {
    const merged = withTranslations({
      en: { general: { custom: 'Host' }, commsQuota: { loginFailed: 'Host wording' } } as never,
      fr: { general: { custom: 'Hôte' } } as never,
    }) as Record<string, Record<string, Record<string, string>>>
    expect(merged.en?.general?.custom).toBe('Host')
    expect(merged.en?.commsQuota?.loginFailed).toBe('Host wording')
    expect(merged.en?.commsQuota?.required).toBe(en.required)
    expect(merged.vi?.commsQuota?.required).toBe(vi.required)
    expect(merged.fr?.general?.custom).toBe('Hôte')
  })
})

describe('one publishing vocabulary in Vietnamese', () => {
  it('names unpublishing "Hủy xuất bản" everywhere Payload speaks of it, and lets the host override a word', () => {
    const merged = withTranslations({ vi: { version: { publish: 'Đăng' } } as never }) as Record<
      string,
      Record<string, Record<string, string>>
    >
    const version = merged.vi?.version ?? {}
    for (const key of ['unpublish', 'confirmUnpublish', 'aboutToUnpublish', 'unpublishedSuccessfully', 'unpublishing'])
      expect(version[key], key).toMatch(/[Hh]ủy xuất bản/)
    expect(JSON.stringify(version)).not.toMatch(/ngưng xuất bản|Ẩn tài liệu/)
    expect(version.publish).toBe('Đăng')
    const own = withTranslations({ vi: { version: { unpublish: 'Gỡ' } } as never }) as typeof merged
    expect(own.vi?.version?.unpublish).toBe('Gỡ')
  })

  it('answers yes/no as "Có"/"Không" and speaks of fields in Vietnamese', () => {
    const vi = (withTranslations(undefined) as Record<string, Record<string, Record<string, string>>>).vi ?? {}
    expect([vi.general?.true, vi.general?.false]).toEqual(['Có', 'Không'])
    expect(vi.general?.searchBy).toBe('Tìm theo {{label}}')
    expect(vi.error?.followingFieldsInvalid_one).not.toMatch(/Field/)
    expect(vi.error?.followingFieldsInvalid_other).not.toMatch(/fields/)
  })
})

/** Enough of a PayloadRequest for the HTTP helpers. */
function fakeReq(init: { language?: string; role?: string | null; body?: string; type?: string; form?: FormData }) {
  const headers = new Headers(init.type ? { 'content-type': init.type } : {})
  return {
    i18n: { language: init.language ?? 'vi' },
    user: init.role === undefined || init.role === null ? null : { id: 1, role: init.role },
    headers,
    text: async () => init.body ?? '',
    formData: async () => {
      if (!init.form) throw new TypeError('not a form')
      return init.form
    },
  } as unknown as PayloadRequest
}

const answer = async (res: Response) => ({
  status: res.status,
  cache: res.headers.get('cache-control'),
  body: (await res.json()) as unknown,
})

describe('endpoint errors: Payload’s REST shape, in the request’s language', () => {
  it('is { errors: [{ message, field? }] } with the status, uncached; no field: null', async () => {
    expect(await answer(refuse(404, { message: 'x', field: 'plan' }))).toEqual({
      status: 404,
      cache: 'no-store',
      body: { errors: [{ message: 'x', field: 'plan' }] },
    })
    expect((await answer(refuse(401, [{ message: 'a', field: null }, { message: 'b' }]))).body).toEqual({
      errors: [{ message: 'a' }, { message: 'b' }],
    })
    const res = refuse(410, { message: 'gone' }, { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'none' })
    expect([res.headers.get('cache-control'), res.headers.get('x-robots-tag')]).toEqual(['private, no-store', 'none'])
  })

  it('words a catalog message in the request’s language, Vietnamese by default', async () => {
    const en404 = refuseWith(fakeReq({ language: 'en' }), 404, 'planNotFound', { field: 'plan', vars: { id: 7 } })
    expect((await answer(en404)).body).toEqual({ errors: [{ message: 'Plan 7 was not found.', field: 'plan' }] })
    const vi404 = refuseWith(fakeReq({}), 404, 'planNotFound', { field: 'plan', vars: { id: 7 } })
    expect((await answer(vi404)).body).toEqual({ errors: [{ message: 'Không tìm thấy kế hoạch 7.', field: 'plan' }] })
  })

  it('refuses anonymous users (401) and other roles (403), lets managers and admins on', async () => {
    expect(await answer(refuseUnlessManager(fakeReq({ language: 'en' }))!)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'Sign in to see quota reports.' }] },
    })
    expect(await answer(refuseUnlessManager(fakeReq({ role: 'editor' }))!)).toMatchObject({
      status: 403,
      body: { errors: [{ message: vi.reportForManagers }] },
    })
    expect(await answer(refuseNonImporter(fakeReq({ role: 'editor' }))!)).toMatchObject({
      status: 403,
      body: { errors: [{ message: 'Chỉ lãnh đạo và quản trị viên được nhập kế hoạch.' }] },
    })
    expect(refuseUnlessManager(fakeReq({ role: 'manager' }))).toBeNull()
    expect(refuseNonImporter(fakeReq({ role: 'admin' }))).toBeNull()
  })

  it('reads JSON bodies and names (body) when they are not what the endpoint needs', async () => {
    expect(await readJson(fakeReq({ body: ' ' }))).toBeUndefined()
    expect(await readJson(fakeReq({ body: '[1]' }))).toEqual([1])
    expect(await readJsonObject(fakeReq({ body: '' }))).toEqual({})
    expect(await readJsonObject(fakeReq({ body: '{"reason":"x"}' }))).toEqual({ reason: 'x' })
    const failure = async (read: Promise<unknown>) =>
      read.then(
        () => null,
        (err: unknown) => err as BodyError,
      )
    const notJson = await failure(readJson(fakeReq({ body: '{"a": ' })))
    const notObject = await failure(readJsonObject(fakeReq({ body: '"text"' })))
    const notForm = await failure(readForm(fakeReq({ type: 'multipart/form-data' })))
    expect([notJson, notObject, notForm].map((e) => e instanceof BodyError && [e.status, e.key])).toEqual([
      [400, 'bodyNotJson'],
      [400, 'bodyNotObject'],
      [400, 'bodyFormUnreadable'],
    ])
    expect(await answer(refuseBody(fakeReq({ language: 'en' }), notJson!))).toEqual({
      status: 400,
      cache: 'no-store',
      body: { errors: [{ message: 'The body is not valid JSON.', field: '(body)' }] },
    })
    const form = new FormData()
    form.append('text', 'KẾ HOẠCH')
    expect((await readForm(fakeReq({ type: 'multipart/form-data', form }))).get('text')).toBe('KẾ HOẠCH')
  })
})
