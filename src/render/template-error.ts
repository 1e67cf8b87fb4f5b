/** A template or partial failed to compile or render; the message names the file to fix. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
