import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::unit.unit', withDefaultPopulate('api::unit.unit'));
