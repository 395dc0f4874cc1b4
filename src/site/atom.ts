/**
 * The Atom feed of lifecycle events (`/changes.xml`): the latest events, each linking to its
 * place in the account's timeline. Dates come from the data (filing days), never from the clock,
 * so the same data gives the same bytes.
 */
import type { Registry } from '../lib/model.ts';
import { eventSummary, eventTitle } from './events.ts';
import { unitName } from './labels.ts';
import { views } from './views.ts';

/** Entries in the feed. */
export const FEED_ENTRIES = 50;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A day as an Atom date-time: midnight in China. */
function dayTime(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/**
 * The feed document. `url(path)` gives the absolute URL of a site path (under the base).
 */
export function atomFeed(registry: Registry, url: (path: string) => string): string {
  const events = views(registry).events.slice(0, FEED_ENTRIES);
  const updated = events.reduce((max, e) => (e.event.filed > max ? e.event.filed : max), events[0]?.event.filed ?? registry.asOf);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(`${registry.site.title}：变更记录`)}</title>`,
    `  <subtitle>${escapeXml('政务新媒体账号的开设、变更、关停、恢复和注销')}</subtitle>`,
    `  <id>${escapeXml(url('/changes.xml'))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(url('/changes.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(url('/changes/'))}"/>`,
    `  <updated>${dayTime(updated)}</updated>`,
    `  <author><name>${escapeXml(registry.site.office.name)}</name></author>`,
  ];
  for (const { account, event, index } of events) {
    const link = url(`/units/${account.id}/#event-${index + 1}`);
    const summary = eventSummary(registry, event);
    const unit = unitName(registry, account.unit);
    const number = account.filing_number ? `（备案编号 ${account.filing_number}）` : '';
    const text = [`${unit}，${event.date} ${summary.title}，${event.filed} 备案${number}。`, summary.detail].filter(Boolean).join('');
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(eventTitle(registry, account, event))}</title>`,
      `    <id>${escapeXml(link)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${dayTime(event.date)}</published>`,
      `    <updated>${dayTime(event.filed)}</updated>`,
      `    <category term="${event.type}" label="${escapeXml(summary.title)}"/>`,
      `    <summary>${escapeXml(text)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
