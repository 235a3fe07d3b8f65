import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::announcement.announcement', withDefaultPopulate('api::announcement.announcement'));
