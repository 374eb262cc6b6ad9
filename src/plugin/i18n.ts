import type { I18n, I18nOptions } from '@payloadcms/translations'
import { en } from '../domain/i18n/en'
import { catalogLanguage, translate, type CatalogKey, type Vars } from '../domain/i18n/translate'
import { vi } from '../domain/i18n/vi'

export { translate, catalogLanguage, type CatalogKey, type Vars } from '../domain/i18n/translate'

/** Our namespace in Payload's translations: keys read `commsQuota:reviewStale`. */
export const I18N_NAMESPACE = 'commsQuota'

export type CommsQuotaTranslations = { [I18N_NAMESPACE]: Record<CatalogKey, string> }
/** For `useTranslation<CommsQuotaTranslations, CommsQuotaTranslationKeys>()` in client components. */
export type CommsQuotaTranslationKeys = `${typeof I18N_NAMESPACE}:${CatalogKey}`

/** The catalog in the shape of Payload's `i18n.translations`, one entry per language. */
export const translations: { vi: CommsQuotaTranslations; en: CommsQuotaTranslations } = {
  vi: { [I18N_NAMESPACE]: vi },
  en: { [I18N_NAMESPACE]: en },
}

type HostTranslations = NonNullable<I18nOptions<object>['translations']>

/**
 * Payload's own Vietnamese words, made one vocabulary with ours: its admin calls unpublishing "Ẩn
 * tài liệu", "ngưng xuất bản" and "hủy xuất bản" on three screens, and a news item a "tài liệu"
 * (ours everywhere: "Xuất bản" and "Hủy xuất bản"); it answers yes/no as "Đúng"/"Sai" and mixes
 * English into its messages ("Lỗi - Field sau không hợp lệ").
 */
export const PAYLOAD_WORDING: Record<string, Record<string, Record<string, string>>> = {
  vi: {
    general: {
      // Checkbox cells and filters read "Đúng"/"Sai", as if the answer were a test.
      true: 'Có',
      false: 'Không',
      // "Tìm với Search Text" in the list's search box.
      searchBy: 'Tìm theo {{label}}',
    },
    error: {
      followingFieldsInvalid_one: 'Lỗi: trường sau chưa hợp lệ:',
      followingFieldsInvalid_other: 'Lỗi: các trường sau chưa hợp lệ:',
    },
    version: {
      aboutToUnpublish:
        'Bạn có muốn hủy xuất bản? Nội dung sẽ không còn hiển thị công khai và không còn được tính vào chỉ tiêu.',
      aboutToUnpublishIn: 'Bạn có muốn hủy xuất bản nội dung này ở {{locale}}?',
      aboutToUnpublishSelection: 'Bạn có muốn hủy xuất bản tất cả {{label}} đã chọn?',
      confirmUnpublish: 'Xác nhận hủy xuất bản',
      draftHasPublishedVersion: 'Đã xuất bản, có thay đổi chưa xuất bản',
      publishChanges: 'Xuất bản',
      unpublish: 'Hủy xuất bản',
      unpublished: 'Chưa xuất bản',
      unpublishedSuccessfully: 'Đã hủy xuất bản.',
      unpublishIn: 'Hủy xuất bản ở {{locale}}',
      unpublishing: 'Đang hủy xuất bản…',
    },
  },
}

/**
 * The host's `i18n.translations` with ours added. A host that sets `commsQuota` keys of its own
 * keeps them (its wording wins), and every other namespace and language of the host stays. Our
 * wording of Payload's keys (PAYLOAD_WORDING) sits under the host's: a host's own word wins there too.
 */
export function withTranslations(host: HostTranslations | undefined): HostTranslations {
  const merged: Record<string, Record<string, unknown>> = { ...(host as Record<string, Record<string, unknown>>) }
  for (const [lang, ours] of Object.entries(translations)) {
    const theirs = merged[lang] ?? {}
    const theirNamespace = theirs[I18N_NAMESPACE] as Record<string, string> | undefined
    const wording: Record<string, unknown> = {}
    for (const [namespace, words] of Object.entries(PAYLOAD_WORDING[lang] ?? {}))
      wording[namespace] = { ...words, ...(theirs[namespace] as Record<string, string> | undefined) }
    merged[lang] = { ...theirs, ...wording, [I18N_NAMESPACE]: { ...ours[I18N_NAMESPACE], ...theirNamespace } }
  }
  return merged as HostTranslations
}

/** Anything that carries Payload's i18n: a request, or a server component's props (`{ i18n }`). */
export type WithI18n = {
  // `any` keys: Payload types `t` by its own key union; ours are checked by `t` below instead.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reason is above
  i18n?: Partial<Pick<I18n<any, any>, 'language' | 't' | 'translations'>> | null
}

/**
 * A message in the request's language, through Payload's i18n (`req.i18n.t`, so a host's own
 * wording of our keys applies). Without Payload's i18n, or with an i18n that was built without our
 * translations (a hand-made request), the same catalog is read directly; Vietnamese is the
 * fallback either way.
 */
export function t(req: WithI18n | null | undefined, key: CatalogKey, vars?: Vars): string {
  const i18n = req?.i18n
  const loaded = (i18n?.translations as Record<string, unknown> | undefined)?.[I18N_NAMESPACE]
  if (i18n?.t && loaded) return i18n.t(`${I18N_NAMESPACE}:${key}`, vars)
  return translate(i18n?.language, key, vars)
}

/** The request's language side of a message that comes in both (`inBoth` in the domain). */
export const pickLanguage = (req: WithI18n | null | undefined, message: { vi: string; en: string }): string =>
  message[catalogLanguage(req?.i18n?.language)]
