import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::page-feedback.page-feedback');
