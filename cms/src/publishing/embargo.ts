/**
 * Embargoed press releases: written, approved and published ahead, public only from `embargoUntil`.
 *  - The public never gets one before its time: the release guard (security/release-guard.ts) adds
 *    `notEmbargoed` to every read of these types made for a caller Strapi did not authenticate as an editor,
 *    an API token or the publisher.
 *  - When the time comes, the public site must change by itself: the timed rebuilds task (timed-rebuilds.ts,
 *    every EMBARGO_CHECK_SECONDS, default 60) sees the embargo end and tells the publisher, like Strapi's
 *    webhook does on a publish.
 */

export const EMBARGOED_TYPES: readonly string[] = ['api::press-release.press-release'];

/** Document Service filter: no embargo, or one that has ended by `now`. */
export const notEmbargoed = (now: Date) => ({ $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: now.toISOString() } }] });
