import { factories } from '@strapi/strapi';

// Edited in the admin by editors; read by the CMS itself for deadlines. The Public role has no permission here.
export default factories.createCoreRouter('api::public-holiday.public-holiday');
