import type { DetectedActivityInput } from '../../src/domain/schemas/intake';
import type { Stack } from './stack';

/** Puts an employee (and, when asked, a manager) in the directory through the API. */
export async function hireEmployee(
  stack: Stack,
  overrides: { id?: string; managerId?: string | null; department?: string; name?: string } = {},
): Promise<string> {
  const id = overrides.id ?? stack.unique('e');
  const token = await stack.tokenFor('hr-admin', 'hr');
  const response = await stack.http
    .put(`/api/employees/${id}`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      // A realistic name: the anonymiser treats every part of a name as identifying.
      name: overrides.name ?? `Robin Quennell-${id.slice(-6)}`,
      email: `${id}@example.test`,
      department: overrides.department ?? 'sales',
      managerId: overrides.managerId ?? null,
    });
  if (response.status >= 300) throw new Error(`hiring ${id} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return id;
}

export function detection(stack: Stack, employeeId: string, overrides: Partial<DetectedActivityInput> = {}): DetectedActivityInput {
  return {
    source: 'listening-tool',
    sourceRef: stack.unique('post'),
    employeeId,
    platform: 'x',
    url: 'https://x.example/p/8812',
    content: 'excerpt of the post',
    siteControlledByCompany: false,
    detectedAt: '2026-11-20T09:12:00Z',
    reach: 5400,
    assessment: { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' },
    ...overrides,
  };
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
