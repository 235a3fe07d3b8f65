import { publisherStrategy } from '../strategy';

export default {
  routes: [
    {
      method: 'GET',
      path: '/thads-preview/:type/:documentId',
      handler: 'preview.draft',
      // Only the publisher's preview builds: Strapi authenticates them with the publisher's secret.
      config: { auth: { strategies: [publisherStrategy] } },
    },
  ],
};
