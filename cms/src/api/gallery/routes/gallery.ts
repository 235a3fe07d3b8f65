import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::gallery.gallery', withDefaultPopulate('api::gallery.gallery'));
