import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::legal-document.legal-document', withDefaultPopulate('api::legal-document.legal-document'));
