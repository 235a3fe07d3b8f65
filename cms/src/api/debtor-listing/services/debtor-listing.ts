import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::debtor-listing.debtor-listing');
