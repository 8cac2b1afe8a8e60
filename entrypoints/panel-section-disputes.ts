import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DisputeSlot } from '@/utils/content/disputes-app';
import { registerSection } from '@/utils/content/sections/kit';

/**
 * The panel's Dispute section (chargeback and claim pages), loaded only when the panel first shows one:
 * the worker injects it into that panel's frame (utils/content/sections). It shares the panel script's
 * Preact and contexts through the section kit rather than bundling its own.
 */
export default defineUnlistedScript(() => registerSection('disputes', DisputeSlot));
