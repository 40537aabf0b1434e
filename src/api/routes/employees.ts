import { Router } from 'express';
import { employeeIdSchema, employeeImportSchema, employeeSchema } from '../../domain/schemas/employees';
import { requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { notFound, parseInput } from '../errors';
import { pathParam } from '../params';
import { importEmployees, putEmployee } from '../services/directory';

export function employeeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.put('/employees/:id', requireRole('hr'), async (req, res) => {
    const id = parseInput(employeeIdSchema, pathParam(req, 'id'), 'id');
    const { created } = await putEmployee(ctx, id, parseInput(employeeSchema, req.body));
    res.status(created ? 201 : 200).json(await ctx.db.employee.findUniqueOrThrow({ where: { id } }));
  });
  router.post('/employees/import', requireRole('hr'), async (req, res) => {
    res.json(await importEmployees(ctx, parseInput(employeeImportSchema, req.body)));
  });
  router.get('/employees/:id', requireRole('hr', 'manager', 'social_media_lead', 'steering_committee'), async (req, res) => {
    const id = pathParam(req, 'id');
    const employee = await ctx.db.employee.findUnique({ where: { id } });
    if (!employee) throw notFound(`Employee ${id}`);
    res.json(employee);
  });
  return router;
}
