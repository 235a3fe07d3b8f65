import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

// No embargoed release reaches the public before its time: security/release-guard.ts, for every route.
export default factories.createCoreRouter('api::press-release.press-release', withDefaultPopulate('api::press-release.press-release'));
