import { factories } from '@strapi/strapi';

// Press monitoring is internal: read and edited in the admin only. The Public role has no permission here.
export default factories.createCoreRouter('api::press-monitoring-setting.press-monitoring-setting');
