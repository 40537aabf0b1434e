import { z } from 'zod';
import './zodErrors';

export const employeeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dots, dashes or underscores');

/** The body of `PUT /api/employees/:id`. */
export const employeeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email({ message: 'must be an e-mail address' }),
  department: z.string().trim().min(1).max(100),
  managerId: employeeIdSchema.nullable(),
  handles: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

/** The body of `POST /api/employees/import`: a whole directory or a part of it, applied atomically. */
export const employeeImportSchema = z.strictObject({
  employees: z
    .array(employeeSchema.extend({ id: employeeIdSchema }))
    .min(1)
    .max(50_000),
});

export type EmployeeInput = z.infer<typeof employeeSchema>;
export type EmployeeImportInput = z.infer<typeof employeeImportSchema>;
