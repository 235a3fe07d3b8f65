import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::auction-notice.auction-notice');
