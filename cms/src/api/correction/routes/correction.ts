import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::correction.correction', withDefaultPopulate('api::correction.correction'));
