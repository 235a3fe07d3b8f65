import { factories } from '@strapi/strapi';

// Read-only for the public (find, findOne); entries are written in the admin and by the spreadsheet import.
export default factories.createCoreRouter('api::debtor-listing.debtor-listing', { only: ['find', 'findOne'] });
