import { Router } from 'express';
import { employeeIdSchema, employeeImportSchema, employeeSchema } from '../../domain/schemas/employees';
import { requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { importEmployees, putEmployee, viewEmployee } from '../services/directory';

export function employeeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.put('/employees/:id', requireRole('hr'), async (req, res) => {
    const id = parseInput(employeeIdSchema, pathParam(req, 'id'), 'id');
    const { created, employee } = await putEmployee(ctx, id, parseInput(employeeSchema, req.body));
    res.status(created ? 201 : 200).json(employee);
  });
  router.post('/employees/import', requireRole('hr'), async (req, res) => {
    res.json(await importEmployees(ctx, parseInput(employeeImportSchema, req.body)));
  });
  router.get('/employees/:id', requireRole('hr', 'manager', 'social_media_lead', 'steering_committee'), async (req, res) => {
    res.json(await viewEmployee(ctx, pathParam(req, 'id')));
  });
  return router;
}
