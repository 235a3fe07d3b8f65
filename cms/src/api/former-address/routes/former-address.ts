export default {
  routes: [
    {
      method: 'GET',
      path: '/thads/former-addresses',
      handler: 'former-address.list',
      // Public: the site's build reads it like the published content (it says nothing that was not public).
      config: { auth: false },
    },
  ],
};
