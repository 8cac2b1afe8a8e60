import { defineRoutes } from './types';

/** Reports for leads (and agents' own numbers). */
export const REPORT_ROUTES = defineRoutes({});
