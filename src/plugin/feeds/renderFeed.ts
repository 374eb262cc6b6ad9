import RSS from 'rss'
import { httpDate, type FeedModel } from '../../domain/feedItems'

const XML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g

/**
 * RSS 2.0 XML of a feed model, built with the `rss` package. Two finishing steps:
 * - the package stamps <lastBuildDate> with the current time; it becomes the model's date, so
 *   the same model always gives the same bytes (the ETag is the model's hash);
 * - the package wraps text in CDATA; every CDATA section becomes the same text entity-escaped,
 *   which XML parsers read identically, so no raw `<script>` ever appears in the bytes for a
 *   consumer that scrapes instead of parsing. (The `xml` package splits a `]]>` inside text
 *   into two adjacent sections; each one's content is literal, so decoding them one by one
 *   and concatenating restores the text.)
 */
export function renderFeed(model: FeedModel): string {
  const feed = new RSS({
    title: model.title,
    description: model.description,
    site_url: model.siteUrl,
    feed_url: model.feedUrl,
    language: model.language,
    generator: 'payload-comms-quota',
    ...(model.items[0] ? { pubDate: model.items[0].date } : {}),
  })
  for (const item of model.items) {
    feed.item({
      title: item.title,
      description: item.description ?? '',
      url: item.link ?? '',
      guid: item.guid,
      categories: item.categories,
      ...(item.author ? { author: item.author } : {}),
      date: item.date,
      ...(item.enclosure ? { enclosure: item.enclosure } : {}),
    })
  }
  const built = model.lastBuildDate ? `<lastBuildDate>${httpDate(model.lastBuildDate)}</lastBuildDate>` : ''
  return feed
    .xml()
    .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, built)
    .replace(CDATA, (_, text: string) => text.replace(/[&<>]/g, (c) => XML_TEXT[c]!))
}
