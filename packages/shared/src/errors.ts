// Error codes the API returns; the message for each comes from the catalogues (errors.<code>).
export const ERROR_CODES = [
  'VALIDATION',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'RATE_LIMITED',
  'INVALID_TRANSITION',
  'LEDGER_FILE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: { path: string; message: string }[];
}
