import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::site-setting.site-setting', withDefaultPopulate('api::site-setting.site-setting'));
