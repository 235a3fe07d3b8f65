import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::auction-notice.auction-notice', withDefaultPopulate('api::auction-notice.auction-notice'));
