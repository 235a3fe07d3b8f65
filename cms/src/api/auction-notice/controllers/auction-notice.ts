import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::auction-notice.auction-notice');
