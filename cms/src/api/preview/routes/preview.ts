export default {
  routes: [
    {
      method: 'GET',
      path: '/thads-preview/:type/:documentId',
      handler: 'preview.draft',
      // Checked in the controller against PUBLISHER_SECRET: only the publisher's preview builds call it.
      config: { auth: false as const },
    },
  ],
};
