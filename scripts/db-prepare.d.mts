export function databaseFile(): string;
export function prepareDatabase(options?: { quiet?: boolean }): string;
