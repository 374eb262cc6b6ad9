import { catalogLanguage, type Lang } from './translate'

/**
 * The language of a request that has not reached Payload yet (the route guards answer before a
 * PayloadRequest exists): the admin's language cookie first, then the browser's, Vietnamese
 * otherwise, which is the order Payload itself follows (getRequestLanguage).
 */
export function requestLanguage(request: Request): Lang {
  const cookie = /(?:^|;\s*)payload-lng=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1]
  if (cookie) return catalogLanguage(cookie)
  return /^\s*en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'vi'
}
