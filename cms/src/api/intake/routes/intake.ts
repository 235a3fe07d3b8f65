const route = (method: string, path: string, handler: string) => ({ method, path, handler: `intake.${handler}`, config: { auth: false as const } });

export default {
  routes: [
    route('GET', '/intake/challenge', 'challenge'),
    route('POST', '/citizen-questions/submit', 'submitQuestion'),
    route('POST', '/citizen-questions/status', 'questionStatus'),
    route('POST', '/information-requests/submit', 'submitInformationRequest'),
    route('POST', '/information-requests/status', 'informationRequestStatus'),
    route('POST', '/press-requests/submit', 'submitPressRequest'),
    route('POST', '/page-feedback/submit', 'submitPageFeedback'),
    route('GET', '/intake/policy', 'policy'),
  ],
};
