import { Router } from 'express';
import { employeeIdSchema, employeeImportSchema, employeeSchema } from '../../domain/schemas/employees';
import { holdSchema } from '../../domain/schemas/cases';
import { authorize, authorizeEmployeeRead } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { importEmployees, putEmployee, viewEmployee } from '../services/directory';
import { eraseEmployee } from '../services/erasure';
import { placeEmployeeHold, releaseEmployeeHold } from '../services/legalHolds';

export function employeeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.put('/employees/:id', async (req, res) => {
    authorize(req, 'employee.write', pathParam(req, 'id'));
    const id = parseInput(employeeIdSchema, pathParam(req, 'id'), 'id');
    const { created, employee } = await putEmployee(ctx, id, parseInput(employeeSchema, req.body));
    res.status(created ? 201 : 200).json(employee);
  });
  router.post('/employees/import', async (req, res) => {
    authorize(req, 'employee.write');
    res.json(await importEmployees(ctx, parseInput(employeeImportSchema, req.body)));
  });
  router.get('/employees/:id', async (req, res) => {
    const id = pathParam(req, 'id');
    await authorizeEmployeeRead(ctx, req, id);
    res.json(await viewEmployee(ctx, id));
  });
  router.post('/employees/:id/erasure', async (req, res) => {
    const principal = authorize(req, 'employee.erase', pathParam(req, 'id'));
    res.json(await eraseEmployee(ctx, pathParam(req, 'id'), principal));
  });
  router.post('/employees/:id/hold', async (req, res) => {
    const principal = authorize(req, 'employee.hold', pathParam(req, 'id'));
    const { reason } = parseInput(holdSchema, req.body);
    const { created, hold } = await placeEmployeeHold(ctx, pathParam(req, 'id'), reason, principal);
    res.status(created ? 201 : 200).json(hold);
  });
  router.post('/employees/:id/hold/release', async (req, res) => {
    const principal = authorize(req, 'employee.release_hold', pathParam(req, 'id'));
    const { reason } = parseInput(holdSchema, req.body);
    res.json(await releaseEmployeeHold(ctx, pathParam(req, 'id'), reason, principal));
  });
  return router;
}
