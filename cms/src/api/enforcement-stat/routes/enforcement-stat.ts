import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::enforcement-stat.enforcement-stat', withDefaultPopulate('api::enforcement-stat.enforcement-stat'));
