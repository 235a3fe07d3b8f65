import { describe, expect, it } from 'vitest';
import { classifyEvent } from './events.ts';

describe('classifyEvent', () => {
  it('rebuilds on publish, unpublish and delete of public types', () => {
    for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete']) {
      expect(classifyEvent({ event, uid: 'api::article.article', model: 'article', entry: { documentId: 'abc' } }).rebuild).toBe(true);
    }
  });
  it('ignores private inboxes, draft saves and unknown payloads', () => {
    expect(classifyEvent({ event: 'entry.publish', uid: 'api::citizen-question.citizen-question' }).rebuild).toBe(false);
    expect(classifyEvent({ event: 'entry.update', uid: 'api::article.article', entry: { publishedAt: null } }).rebuild).toBe(false);
    expect(classifyEvent({ event: 'entry.update', uid: 'api::article.article', entry: { publishedAt: '2026-11-23T00:00:00Z' } }).rebuild).toBe(true);
    expect(classifyEvent({ event: 'entry.create', uid: 'api::article.article' }).rebuild).toBe(false);
    expect(classifyEvent({ event: 'trigger-test' }).rebuild).toBe(false);
    expect(classifyEvent(null).rebuild).toBe(false);
  });
  it('rebuilds when a media file is replaced or deleted', () => {
    expect(classifyEvent({ event: 'media.update', media: { name: 'a.jpg' } }).rebuild).toBe(true);
    expect(classifyEvent({ event: 'media.delete', media: { name: 'a.jpg' } }).rebuild).toBe(true);
    expect(classifyEvent({ event: 'media.create', media: { name: 'a.jpg' } }).rebuild).toBe(false);
  });
});
