import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::legal-qa.legal-qa', withDefaultPopulate('api::legal-qa.legal-qa'));
