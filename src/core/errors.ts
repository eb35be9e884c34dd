/**
 * An error meant for the user: `message` is one line that names what was wrong and how to fix it.
 * The CLI prints it without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 2;
  }
}

export const isUserError = (err: unknown): err is UserError => err instanceof UserError;
