import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BacktestBody, BacktestReport, FraudMatrixPut, FraudMatrixView } from '../../utils/schemas/admin';
import { callerOf } from '../plugins/auth';
import { auditCommitted } from './audit';
import { runBacktest } from '../services/backtest';
import { getFraudMatrixView, saveFraudMatrix } from '../services/team-config';

/** The team's fraud matrix: everyone reads it, leads change and back-test it. */
export const fraudAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/fraud/matrix', { schema: { response: { 200: FraudMatrixView } } }, async (request) => getFraudMatrixView(app.db, callerOf(request).team.id));

  app.put('/v1/fraud/matrix', { config: { access: 'lead' }, schema: { body: FraudMatrixPut, response: { 200: FraudMatrixView } } }, async (request) => {
    const saved = await saveFraudMatrix(app.db, callerOf(request), request.body.matrix, request.body.expectedVersion);
    await auditCommitted(app, request, { action: 'fraud_matrix.saved', targetType: 'fraud_matrix', targetId: String(saved.version), details: { version: saved.version } });
    return saved;
  });

  app.post('/v1/fraud/backtest', { config: { access: 'lead' }, schema: { body: BacktestBody, response: { 200: BacktestReport } } }, async (request) =>
    runBacktest(app.db, callerOf(request).team.id, request.body.matrix, request.body.days),
  );
};
