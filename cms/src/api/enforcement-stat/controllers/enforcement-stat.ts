import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::enforcement-stat.enforcement-stat');
