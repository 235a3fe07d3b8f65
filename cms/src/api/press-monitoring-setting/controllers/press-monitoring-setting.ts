import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::press-monitoring-setting.press-monitoring-setting');
