import { factories } from '@strapi/strapi';
import { withDefaultPopulate } from '../../../populate';

export default factories.createCoreRouter('api::topic.topic', withDefaultPopulate('api::topic.topic'));
