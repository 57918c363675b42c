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

/**
 * The sentence for the person who started the app when the database cannot be opened, in Dutch
 * and English, naming the file; null for failures that are not about the database.
 */
export function startupFailureText(error: unknown): string | null {
  if (error instanceof DatabaseCorruptError) {
    return [
      `Backoffice kan niet starten: de database ${error.path} is beschadigd (${error.detail}) en er is geen goede reservekopie met gebruikers om terug te zetten.`,
      `Het beschadigde bestand is niet gewijzigd of verwijderd. Bewaar het en neem contact op met uw leverancier; of verplaats het en start opnieuw om met een lege database te beginnen.`,
      `Backoffice cannot start: the database ${error.path} is damaged (${error.detail}) and there is no intact backup with users to restore.`,
      `The damaged file has not been changed or deleted. Keep it and contact your supplier; or move it away and start again to begin with an empty database.`,
    ].join('\n');
  }
  if (error instanceof SchemaTooNewError) {
    return [
      `Backoffice kan niet starten: deze database is gemaakt door een nieuwere versie (schema ${error.databaseVersion}, deze versie kent ${error.appVersion}). Installeer de nieuwere versie; de gegevens zijn niet aangeraakt.`,
      error.message,
    ].join('\n');
  }
  return null;
}
