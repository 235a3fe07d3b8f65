/** The content types by audience (shared with the publisher), and the CMS's own groupings of them. */
import { PUBLIC_COLLECTIONS } from '@thads/shared';

export { PRIVATE_COLLECTIONS, PUBLIC_COLLECTIONS, PUBLIC_SINGLES, PUBLIC_TYPES } from '@thads/shared';

/** Reference data that reporters read (to pick relations) but do not write. */
export const REFERENCE_TYPES = ['api::unit.unit', 'api::category.category', 'api::topic.topic', 'api::district.district', 'api::legal-document.legal-document'] as const;

/** Public types that unit reporters write. */
/** Legal lists kept by editors only (imported from the units' spreadsheets): reporters neither create nor edit them. */
const EDITOR_ONLY_TYPES: readonly string[] = ['api::debtor-listing.debtor-listing'];
export const REPORTER_TYPES = PUBLIC_COLLECTIONS.filter((uid) => !(REFERENCE_TYPES as readonly string[]).includes(uid) && !EDITOR_ONLY_TYPES.includes(uid));
