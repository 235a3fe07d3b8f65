import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::enforcement-notice.enforcement-notice');
