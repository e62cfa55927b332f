// Typed domain errors. Services throw these; one Fastify error handler turns them into
// RFC 9457 application/problem+json with a stable `code` the UI translates.

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export class Invalid extends AppError {
  constructor(code: string, message: string, errors?: FieldError[]) {
    super(400, code, message, errors ? { errors } : {});
  }
}
export class Unauthorized extends AppError {
  constructor(code = 'auth.required', message = '请先登录') {
    super(401, code, message);
  }
}
export class Forbidden extends AppError {
  constructor(code = 'auth.forbidden', message = '没有执行此操作的权限', extra?: Record<string, unknown>) {
    super(403, code, message, extra ? { extra } : {});
  }
}
export class NotFound extends AppError {
  constructor(code = 'not_found', message = '记录不存在') {
    super(404, code, message);
  }
}
export class Conflict extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}
export class Locked extends AppError {
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(423, code, message, extra ? { extra } : {});
  }
}
export class TooManyRequests extends AppError {
  constructor(code = 'rate_limited', message = '请求过于频繁，请稍后再试') {
    super(429, code, message);
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function toProblem(err: AppError, instance?: string): Problem {
  return {
    type: `urn:yunwei:error:${err.code}`,
    title: err.code,
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(instance ? { instance } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extra ?? {}),
  };
}

// Uploads (kernel/files): too large, a type not accepted or not what the name claims, empty content.
export class PayloadTooLarge extends AppError {
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(413, code, message, extra ? { extra } : {});
  }
}
export class UnsupportedMediaType extends AppError {
  constructor(code: string, message: string, extra?: Record<string, unknown>) {
    super(415, code, message, extra ? { extra } : {});
  }
}
export class Unprocessable extends AppError {
  constructor(code: string, message: string) {
    super(422, code, message);
  }
}
