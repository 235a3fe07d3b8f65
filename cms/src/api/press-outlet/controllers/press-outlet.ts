import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::press-outlet.press-outlet');
