import { policyClause } from '../../src/domain/policyClause';

const policy = `# Social-media policy

## 3. Speaking about the company
3.1 Say you work here when you talk about our products.
3.2 Criticism is fine; disparaging the company is not.

## 4. Protecting information
4.1 Never share confidential information.
4.2 Never publish customer data, in any form.
`;

describe('the policy clause a lesson cites', () => {
  it.each([
    ['4.2', 'clause 4.2 (Protecting information)', 'Never publish customer data, in any form.'],
    ['3.2', 'clause 3.2 (Speaking about the company)', 'Criticism is fine; disparaging the company is not.'],
  ])('quotes clause %s with its section', (number, reference, excerpt) => {
    expect(policyClause(number, policy)).toEqual({ reference, excerpt });
  });

  it('answers null for a clause the policy does not have, and does not confuse 4.1 with 4.12', () => {
    expect(policyClause('9.9', policy)).toBeNull();
    expect(policyClause('4.1', '## 4. Info\n4.12 Something else.')).toBeNull();
  });
});
