import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::enforcement-notice.enforcement-notice', withDefaultPopulate('api::enforcement-notice.enforcement-notice'));
