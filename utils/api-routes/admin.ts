import { defineRoutes } from './types';

/** Lead tools and the queue: templates, fraud matrix, SLA policies, settings, open cases. */
export const ADMIN_ROUTES = defineRoutes({});
