import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::press-clipping.press-clipping');
