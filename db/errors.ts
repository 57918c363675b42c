/**
 * Failures the person at the workstation must hear about in words, not as a stack trace. Each has
 * a stable code so the UI can show its own Dutch or English text.
 */
export class SchemaTooNewError extends Error {
  readonly code = 'schema_too_new';
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer Backoffice (schema ${databaseVersion}, this app knows ${appVersion}). ` +
        'Install the newer version; the data is left untouched.',
    );
  }
}

export class DatabaseCorruptError extends Error {
  readonly code = 'database_corrupt';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`The database at ${path} is damaged (${detail}) and no intact backup was found. The damaged file is kept.`);
  }
}
