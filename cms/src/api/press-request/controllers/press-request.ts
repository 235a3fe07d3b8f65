import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::press-request.press-request');
