import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::citizen-question.citizen-question');
