import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::district.district', withDefaultPopulate('api::district.district'));
