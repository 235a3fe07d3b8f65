import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';
import { hideEmbargoed } from '../../../publishing/embargo';

const uid = 'api::press-release.press-release';
const populate = withDefaultPopulate(uid).config;

// Default populate, and no embargoed release for the public (src/publishing/embargo.ts).
export default factories.createCoreRouter(uid, {
  config: {
    find: { middlewares: [...populate.find.middlewares, hideEmbargoed] },
    findOne: { middlewares: [...populate.findOne.middlewares, hideEmbargoed] },
  },
});
