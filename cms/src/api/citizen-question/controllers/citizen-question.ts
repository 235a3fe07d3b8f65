import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::citizen-question.citizen-question');
