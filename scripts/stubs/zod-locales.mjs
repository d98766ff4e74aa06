// Stands in, inside the bundles, for zod's index of message locales (z.locales): contract never
// selects one (see scripts/bundle.mjs). Empty: z.locales is an empty namespace.
export {};
