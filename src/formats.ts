/** Output formats, kept apart from the pipeline so the CLI's option parsing loads nothing else. */
export const FORMATS = ['docx', 'pdf', 'md'] as const;
export type Format = (typeof FORMATS)[number];
