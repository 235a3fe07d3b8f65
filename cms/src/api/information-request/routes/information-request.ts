import { factories } from '@strapi/strapi';

// Private inbox: read and handled in the admin only. The Public role has no permission here.
export default factories.createCoreRouter('api::information-request.information-request');
