import { defineRoutes } from './types';

/** Disputes: cases, evidence, defence documents. */
export const DISPUTE_ROUTES = defineRoutes({});
