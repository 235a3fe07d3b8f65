import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::enforcement-notice.enforcement-notice');
