import { z } from 'zod';
import { Me } from '@/utils/schemas/api';
import { SyncStatus } from '@/utils/messaging';
import { defineHandler } from './define';

/** Sign-in and sign-out (extension pages only) and the sync status (pages and panels). */

export const signIn = defineHandler('auth:signIn', Me, (req, { session }) => session.signIn(req.backendUrl, req.token));

export const signOut = defineHandler('auth:signOut', z.null(), async (_req, { session }) => {
  await session.signOut();
  return { ok: true, data: null };
});

export const statusGet = defineHandler('status:get', SyncStatus, async (_req, { session }) => ({ ok: true, data: await session.status() }));
