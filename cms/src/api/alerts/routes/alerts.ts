const route = (method: string, path: string, handler: string) => ({ method, path, handler: `alerts.${handler}`, config: { auth: false as const } });

/** Email alerts' public endpoints (cms/src/alerts): sign-up, confirmation, unsubscribe (one-click too), manage; the bounce intake. */
export default {
  routes: [
    route('POST', '/alerts/subscribe', 'subscribe'),
    route('GET', '/alerts/confirm', 'confirmPage'),
    route('POST', '/alerts/confirm', 'confirm'),
    route('GET', '/alerts/unsubscribe', 'unsubscribePage'),
    route('POST', '/alerts/unsubscribe', 'unsubscribe'),
    route('GET', '/alerts/manage', 'manage'),
    route('POST', '/alerts/manage', 'manageUpdate'),
    // Delivery status notifications from the bounce mailbox (a mail pipe or the relay's webhook; bearer secret).
    route('POST', '/alerts/bounces', 'bounces'),
  ],
};
