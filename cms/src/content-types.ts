/** The content types by audience (shared with the publisher), and the CMS's own groupings of them. */
import { PUBLIC_COLLECTIONS, PUBLIC_MODELS } from '@thads/shared';

export { PRIVATE_COLLECTIONS, PUBLIC_COLLECTIONS, PUBLIC_SINGLES, PUBLIC_TYPES } from '@thads/shared';

/** Reference data that reporters read (to pick relations) but do not write: the models of role `reference`. */
export const REFERENCE_TYPES: readonly string[] = PUBLIC_MODELS.filter((m) => m.role === 'reference').map((m) => m.uid);

/** Legal lists kept by editors only (imported from the units' spreadsheets): reporters neither create nor edit them. */
const EDITOR_ONLY_TYPES: readonly string[] = ['api::debtor-listing.debtor-listing'];
/** Public types that unit reporters write. */
export const REPORTER_TYPES = PUBLIC_COLLECTIONS.filter((uid) => !REFERENCE_TYPES.includes(uid) && !EDITOR_ONLY_TYPES.includes(uid));
