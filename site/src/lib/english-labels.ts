/** English labels of the pages under /en/. */
import type { UNIT_KINDS } from '@thads/shared';

export const UNIT_KIND_LABELS_EN: Record<(typeof UNIT_KINDS)[number], string> = {
  agency: 'Provincial department',
  division: 'Division of the Department',
  'regional-office': 'Regional office',
};

export const UNIT_GROUP_TITLES_EN: Record<(typeof UNIT_KINDS)[number], string> = {
  agency: 'The provincial Department',
  division: 'Divisions',
  'regional-office': 'Regional civil judgment enforcement offices',
};
