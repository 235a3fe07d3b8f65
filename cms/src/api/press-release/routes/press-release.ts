import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::press-release.press-release', withDefaultPopulate('api::press-release.press-release'));
