/** Why an action is refused; the API answers forbidden 403, conflict 409, unprocessable 422. */
export interface Refusal {
  kind: 'forbidden' | 'conflict' | 'unprocessable';
  code: string;
  message: string;
}

export const forbidden = (code: string, message: string): Refusal => ({ kind: 'forbidden', code, message });
export const conflict = (code: string, message: string): Refusal => ({ kind: 'conflict', code, message });
export const unprocessable = (code: string, message: string): Refusal => ({ kind: 'unprocessable', code, message });
