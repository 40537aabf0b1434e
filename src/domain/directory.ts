/** Who manages whom: employee id -> manager id (null at the top). */
export type ManagerMap = ReadonlyMap<string, string | null>;

export interface DirectoryProblem {
  employeeId: string;
  message: string;
}

/**
 * Checks the reporting lines of the `changed` employees in `directory` (which already holds
 * their new managers): each manager must exist, and no chain may lead back to where it started.
 */
export function reportingLineProblems(directory: ManagerMap, changed: Iterable<string>): DirectoryProblem[] {
  const problems: DirectoryProblem[] = [];
  for (const employeeId of changed) {
    const managerId = directory.get(employeeId) ?? null;
    if (managerId === null) continue;
    if (!directory.has(managerId)) {
      problems.push({ employeeId, message: `manager ${managerId} is not in the directory` });
      continue;
    }
    const seen = new Set([employeeId]);
    for (let current: string | null = managerId; current !== null; current = directory.get(current) ?? null) {
      if (seen.has(current)) {
        problems.push({ employeeId, message: `reporting line loops back through ${current}` });
        break;
      }
      seen.add(current);
    }
  }
  return problems;
}
