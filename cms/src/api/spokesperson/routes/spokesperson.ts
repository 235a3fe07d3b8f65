import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::spokesperson.spokesperson', withDefaultPopulate('api::spokesperson.spokesperson'));
