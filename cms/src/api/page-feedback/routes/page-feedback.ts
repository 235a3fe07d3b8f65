import { factories } from '@strapi/strapi';

// Private: readers send feedback through POST /api/page-feedback/submit (src/api/intake); editors read it in the
// admin ("Phản hồi trang"). The Public role has no permission here.
export default factories.createCoreRouter('api::page-feedback.page-feedback');
