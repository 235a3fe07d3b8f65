import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::press-monitoring-setting.press-monitoring-setting');
