import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { serve } from './contract';
import { runBacktest } from '../services/backtest';
import { getFraudMatrixView, saveFraudMatrix } from '../services/team-config';

/** The team's fraud matrix: everyone reads it, leads change and back-test it. */
export const fraudAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, 'fraud.matrix.get', async (request) => getFraudMatrixView(app.db, callerOf(request).team.id));

  serve(app, 'fraud.matrix.put', async (request) => {
    const saved = await saveFraudMatrix(app.db, callerOf(request), request.body.matrix, request.body.expectedVersion);
    await auditCommitted(app, request, {
      action: 'fraud_matrix.saved',
      targetType: 'fraud_matrix',
      targetId: String(saved.version),
      details: { version: saved.version },
    });
    return saved;
  });

  serve(app, 'fraud.backtest', async (request) => runBacktest(app.db, callerOf(request).team.id, request.body.matrix, request.body.days));
};
